using LtiTool.Demo;

namespace LtiTool.Tests.Demo;

public sealed class DemoCourseTests
{
    private static readonly DateTimeOffset Now = new(2025, 11, 1, 12, 0, 0, TimeSpan.Zero);

    [Fact]
    public void Same_seed_gives_the_same_class_and_another_seed_a_different_one()
    {
        var a = DemoCourse.Create(7, Now);
        var b = DemoCourse.Create(7, Now);
        var c = DemoCourse.Create(8, Now);

        Assert.Equal(a.Students, b.Students);
        Assert.Equal(a.Scores, b.Scores);
        Assert.NotEqual(a.Scores.Select(s => s.Score), c.Scores.Select(s => s.Score));
    }

    [Theory]
    [InlineData(20250901)]
    [InlineData(1)]
    [InlineData(42)]
    public void Class_has_the_size_and_spread_of_a_real_one(int seed)
    {
        var course = DemoCourse.Create(seed, Now);

        Assert.True(course.Students.Count >= 30);
        Assert.True(course.Assignments.Count >= 8);
        Assert.InRange(course.Skills.Count, 6, 8);
        Assert.All(course.Assignments, a => Assert.Contains(course.Skills, s => s.Code == a.SkillCode));
        Assert.Single(course.Students, s => s.Name is null && s.Email is null);
        Assert.Equal(course.Students.Count, course.Students.Select(s => s.Email ?? s.Id).Distinct().Count());
        Assert.All(course.Students.Where(s => s.Email is not null), s => Assert.Matches("^[a-z.]+@students\\.example\\.edu$", s.Email!));

        var overall = course.Students.ToDictionary(s => s.Id, s => Fraction(course, s.Id, _ => true));
        var typical = overall.Values.Count(f => f is >= 0.55 and <= 0.95);
        Assert.True(typical >= course.Students.Count * 0.75, $"only {typical} students between 55 and 95 %");
        Assert.True(course.Assignments.Count * course.Students.Count > course.Scores.Count, "no missing submissions");
        Assert.True(course.GapSkillByUserId.Count >= 4);
        foreach (var (userId, skill) in course.GapSkillByUserId)
        {
            Assert.True(Fraction(course, userId, s => s == skill) < 0.40, $"{userId} has no gap on {skill}");
            Assert.True(Fraction(course, userId, s => s != skill) > 0.70, $"{userId} is not strong outside {skill}");
        }
    }

    private static double Fraction(DemoCourse course, string userId, Func<string, bool> skills)
    {
        var assignments = course.Assignments.Where(a => skills(a.SkillCode)).ToDictionary(a => a.LineItemId);
        var scores = course.Scores.Where(s => s.UserId == userId && assignments.ContainsKey(s.LineItemId)).ToArray();
        return scores.Sum(s => s.Score) / scores.Sum(s => assignments[s.LineItemId].ScoreMaximum);
    }

    [Fact]
    public void Create_LargeCourse_HasUniqueStudentsAndAssignmentsWithScores()
    {
        var course = DemoCourse.Create(7, Now, students: 500, assignments: 40);

        Assert.Equal(500, course.Students.Select(s => s.Id).Distinct().Count());
        Assert.Equal(500, course.Students.Select(s => s.Username).Distinct().Count());
        Assert.Equal(40, course.Assignments.Select(a => a.LineItemId).Distinct().Count());
        Assert.InRange(course.Scores.Count, 500 * 40 * 9 / 10, 500 * 40);
    }
}
