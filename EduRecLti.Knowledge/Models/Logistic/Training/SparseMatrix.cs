using System.Runtime.InteropServices;
using EduRecLti.Knowledge.Models.Logistic.Features;

namespace EduRecLti.Knowledge.Models.Logistic.Training;

/// <summary>Feature rows in compressed sparse row form with their labels (soft labels in [0,1] allowed).</summary>
internal sealed class SparseMatrix
{
    private readonly List<int> _rowStarts = [0];
    private readonly List<int> _columns = [];
    private readonly List<double> _values = [];
    private readonly List<double> _labels = [];

    public SparseMatrix(int width) => Width = width;

    public int Width { get; }

    public int RowCount => _labels.Count;

    public void AddRow(SparseRow row, double label)
    {
        ArgumentNullException.ThrowIfNull(row);
        for (var k = 0; k < row.Count; k++)
        {
            _columns.Add(row.Columns[k]);
            _values.Add(row.Values[k]);
        }

        _rowStarts.Add(_columns.Count);
        _labels.Add(label);
    }

    public double Label(int row) => _labels[row];

    /// <summary>The row's columns (valid until the next <see cref="AddRow"/>).</summary>
    public ReadOnlySpan<int> Columns(int row) => CollectionsMarshal.AsSpan(_columns)[_rowStarts[row].._rowStarts[row + 1]];

    /// <summary>The row's values, aligned with <see cref="Columns"/>.</summary>
    public ReadOnlySpan<double> Values(int row) => CollectionsMarshal.AsSpan(_values)[_rowStarts[row].._rowStarts[row + 1]];

    public double Dot(int row, double[] weights)
    {
        return SparseRow.Dot(Columns(row), Values(row), weights);
    }
}
