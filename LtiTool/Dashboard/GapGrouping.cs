namespace LtiTool.Dashboard;

/// <summary>A group of students with similar mastery profiles; <see cref="Centroid"/> holds the mean estimate per skill.</summary>
public sealed record StudentGroup(int Number, IReadOnlyList<ClassStudent> Members, IReadOnlyList<double> Centroid);

/// <summary>The grouping and how k was chosen.</summary>
public sealed record GroupingResult(IReadOnlyList<StudentGroup> Groups, int K, double Silhouette);

/// <summary>
/// Groups students by their mastery vectors (one estimate per skill; no evidence counts as the prior 0.5) with k-means:
/// k-means++ seeding from a seeded <see cref="Random"/>, Lloyd iterations until no student moves. k is chosen in
/// [<see cref="MinK"/>, <see cref="MaxK"/>] by the highest mean silhouette (Rousseeuw 1987), the smaller k on a tie,
/// so the same class and seed always give the same groups.
/// </summary>
public static class GapGrouping
{
    public const int MinK = 2;
    public const int MaxK = 6;
    private const int MaxIterations = 100;

    public static GroupingResult Group(ClassMastery table, int seed)
    {
        ArgumentNullException.ThrowIfNull(table);
        var students = table.Students;
        var points = students.Select(s => table.Skills.Select(k => table.Cell(s.UserId, k.Code)?.Estimate ?? 0.5).ToArray()).ToArray();
        if (points.Length < MinK + 1 || table.Skills.Count == 0)
        {
            return new GroupingResult(points.Length == 0 ? [] : [new StudentGroup(1, students, Mean(points, Enumerable.Range(0, points.Length), table.Skills.Count))], 1, 0);
        }

        GroupingResult? best = null;
        for (var k = MinK; k <= Math.Min(MaxK, points.Length - 1); k++)
        {
            var assignment = KMeans(points, k, seed);
            var silhouette = Silhouette(points, assignment, k);
            if (best is null || silhouette > best.Silhouette + 1e-12)
            {
                best = new GroupingResult(ToGroups(students, points, assignment, k, table.Skills.Count), k, silhouette);
            }
        }

        return best!;
    }

    public static int[] KMeans(double[][] points, int k, int seed)
    {
        ArgumentNullException.ThrowIfNull(points);
        var random = new Random(seed);
        var centroids = SeedCentroids(points, k, random);
        var assignment = new int[points.Length];
        Array.Fill(assignment, -1);
        for (var iteration = 0; iteration < MaxIterations; iteration++)
        {
            var moved = false;
            for (var i = 0; i < points.Length; i++)
            {
                var nearest = Nearest(points[i], centroids);
                moved |= nearest != assignment[i];
                assignment[i] = nearest;
            }

            if (!moved)
            {
                break;
            }

            for (var c = 0; c < k; c++)
            {
                var members = Enumerable.Range(0, points.Length).Where(i => assignment[i] == c).ToList();
                // An emptied cluster keeps its centroid: it may win students back in the next pass.
                if (members.Count > 0)
                {
                    centroids[c] = Mean(points, members, points[0].Length);
                }
            }
        }

        return assignment;
    }

    // k-means++ (Arthur and Vassilvitskii 2007): each next centre drawn with probability proportional to squared distance.
    private static double[][] SeedCentroids(double[][] points, int k, Random random)
    {
        var centroids = new List<double[]> { points[random.Next(points.Length)] };
        while (centroids.Count < k)
        {
            var weights = points.Select(p => centroids.Min(c => Distance2(p, c))).ToArray();
            var total = weights.Sum();
            var pick = random.NextDouble() * total;
            var index = 0;
            var cumulative = weights[0];
            while (cumulative < pick && index < points.Length - 1)
            {
                index++;
                cumulative += weights[index];
            }

            centroids.Add(total == 0 ? points[random.Next(points.Length)] : points[index]);
        }

        return centroids.Select(c => c.ToArray()).ToArray();
    }

    /// <summary>Mean silhouette over all points; a point alone in its cluster scores 0.</summary>
    public static double Silhouette(double[][] points, int[] assignment, int k)
    {
        ArgumentNullException.ThrowIfNull(points);
        ArgumentNullException.ThrowIfNull(assignment);
        var total = 0.0;
        for (var i = 0; i < points.Length; i++)
        {
            var own = assignment[i];
            var meanTo = new double[k];
            var counts = new int[k];
            for (var j = 0; j < points.Length; j++)
            {
                if (j != i)
                {
                    meanTo[assignment[j]] += Math.Sqrt(Distance2(points[i], points[j]));
                    counts[assignment[j]]++;
                }
            }

            if (counts[own] == 0)
            {
                continue;
            }

            var a = meanTo[own] / counts[own];
            var b = Enumerable.Range(0, k).Where(c => c != own && counts[c] > 0).Select(c => meanTo[c] / counts[c]).DefaultIfEmpty(0).Min();
            var denominator = Math.Max(a, b);
            total += denominator == 0 ? 0 : (b - a) / denominator;
        }

        return total / points.Length;
    }

    private static List<StudentGroup> ToGroups(IReadOnlyList<ClassStudent> students, double[][] points, int[] assignment, int k, int dimensions)
    {
        // Numbered by the weakest group first, so "Group 1" is where help is most needed.
        return Enumerable.Range(0, k)
            .Select(c => Enumerable.Range(0, points.Length).Where(i => assignment[i] == c).ToList())
            .Where(members => members.Count > 0)
            .Select(members => (Members: members, Centroid: Mean(points, members, dimensions)))
            .OrderBy(g => g.Centroid.DefaultIfEmpty(0).Average())
            .Select((g, n) => new StudentGroup(n + 1, g.Members.Select(i => students[i]).ToList(), g.Centroid))
            .ToList();
    }

    private static double[] Mean(double[][] points, IEnumerable<int> members, int dimensions)
    {
        var sum = new double[dimensions];
        var count = 0;
        foreach (var i in members)
        {
            count++;
            for (var d = 0; d < dimensions; d++)
            {
                sum[d] += points[i][d];
            }
        }

        return count == 0 ? sum : sum.Select(s => s / count).ToArray();
    }

    private static int Nearest(double[] point, double[][] centroids)
    {
        var best = 0;
        var bestDistance = double.MaxValue;
        for (var c = 0; c < centroids.Length; c++)
        {
            var distance = Distance2(point, centroids[c]);
            if (distance < bestDistance)
            {
                best = c;
                bestDistance = distance;
            }
        }

        return best;
    }

    private static double Distance2(double[] a, double[] b)
    {
        var sum = 0.0;
        for (var d = 0; d < a.Length; d++)
        {
            var diff = a[d] - b[d];
            sum += diff * diff;
        }

        return sum;
    }
}
