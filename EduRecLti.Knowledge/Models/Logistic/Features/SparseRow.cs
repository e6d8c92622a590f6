using System.Runtime.InteropServices;

namespace EduRecLti.Knowledge.Models.Logistic.Features;

/// <summary>A reusable buffer of (column, value) pairs: one feature row.</summary>
internal sealed class SparseRow
{
    private readonly List<int> _columns = [];
    private readonly List<double> _values = [];

    public int Count => _columns.Count;

    public IReadOnlyList<int> Columns => _columns;

    public IReadOnlyList<double> Values => _values;

    public void Clear()
    {
        _columns.Clear();
        _values.Clear();
    }

    /// <summary>Adds a column; zero values are dropped because they contribute nothing to any model in the family.</summary>
    public void Add(int column, double value)
    {
        if (value != 0)
        {
            _columns.Add(column);
            _values.Add(value);
        }
    }

    public ReadOnlySpan<int> ColumnSpan => CollectionsMarshal.AsSpan(_columns);

    public ReadOnlySpan<double> ValueSpan => CollectionsMarshal.AsSpan(_values);

    /// <summary>w·x over one sparse row.</summary>
    public static double Dot(ReadOnlySpan<int> columns, ReadOnlySpan<double> values, double[] weights)
    {
        ArgumentNullException.ThrowIfNull(weights);
        var sum = 0.0;
        for (var k = 0; k < columns.Length; k++)
        {
            sum += weights[columns[k]] * values[k];
        }

        return sum;
    }
}
