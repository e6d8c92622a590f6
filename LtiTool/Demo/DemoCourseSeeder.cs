namespace LtiTool.Demo;

/// <summary>Generates the demo class: a realistic spread of scores with a few clear skill gaps and missing work.</summary>
internal static class DemoCourseSeeder
{
    private const int GapStudentCount = 6;
    private const int StrugglingStudentCount = 2;
    private const int FirstStudentId = 4;

    private static readonly DemoSkill[] Skills =
    [
        new("fractions.add", "Adding and subtracting fractions"),
        new("fractions.multiply", "Multiplying and dividing fractions"),
        new("ratios", "Ratios and unit rates"),
        new("percentages", "Percentages"),
        new("integers.negative", "Operations with negative numbers"),
        new("equations.linear", "Solving linear equations"),
        new("geometry.area", "Area of composite shapes"),
    ];

    // (line item id, label, points, skill): one or two assignments per skill, in the order they were set.
    private static readonly (string Id, string Label, double Maximum, string Skill)[] AssignmentPlan =
    [
        ("11", "Quiz 1: Adding fractions", 20, "fractions.add"),
        ("12", "Homework 1: Multiplying fractions", 10, "fractions.multiply"),
        ("13", "Quiz 2: Ratios and unit rates", 25, "ratios"),
        ("14", "Homework 2: Percentages of amounts", 10, "percentages"),
        ("15", "Unit test: Negative numbers", 50, "integers.negative"),
        ("16", "Quiz 3: Solving equations", 20, "equations.linear"),
        ("17", "Lab: Area of composite shapes", 30, "geometry.area"),
        ("18", "Homework 3: Fraction word problems", 15, "fractions.add"),
        ("19", "Quiz 4: Percent change", 20, "percentages"),
        ("20", "Homework 4: Proportional reasoning", 15, "ratios"),
    ];

    public static DemoCourse Create(int seed, DateTimeOffset now, int studentCount, int assignmentCount)
    {
        var random = new Random(seed);
        var instructor = new DemoUser("3", "rlindqvist", "Rebecca", "Lindqvist", "rebecca.lindqvist@school.example.edu", IsInstructor: true);
        var students = CreateStudents(random, studentCount);
        var assignments = CreateAssignments(now, assignmentCount);

        var order = students.Select(s => s.Id).ToArray();
        random.Shuffle(order);
        var gapSkills = Skills.Select(s => s.Code).ToArray();
        random.Shuffle(gapSkills);
        var gapSkillByUserId = order.Take(GapStudentCount)
            .Select((id, i) => (id, skill: gapSkills[i % gapSkills.Length]))
            .ToDictionary(p => p.id, p => p.skill);
        var struggling = order.Skip(GapStudentCount).Take(StrugglingStudentCount).ToArray();

        var scores = new List<DemoSeedScore>();
        foreach (var student in students)
        {
            var profile = StudentProfile.Create(random, gapSkillByUserId.GetValueOrDefault(student.Id), struggling.Contains(student.Id));
            foreach (var assignment in assignments)
            {
                if (profile.Misses(random, assignment.SkillCode))
                {
                    continue;
                }

                var fraction = profile.Attempt(random, assignment.SkillCode);
                var points = Math.Round(fraction * assignment.ScoreMaximum * 2, MidpointRounding.AwayFromZero) / 2;
                var submittedAt = assignment.DueAt.AddHours(-random.Next(1, 72));
                scores.Add(new DemoSeedScore(assignment.LineItemId, student.Id, points, submittedAt));
            }
        }

        return new DemoCourse(instructor, students, Skills, assignments, scores, gapSkillByUserId, struggling);
    }

    private static DemoUser[] CreateStudents(Random random, int studentCount)
    {
        var given = DemoNames.GivenNames.ToArray();
        var family = DemoNames.FamilyNames.ToArray();
        random.Shuffle(given);
        random.Shuffle(family);
        // One student's privacy settings withhold name and email, as Moodle's "share name: never" does.
        var privateIndex = random.Next(studentCount);
        return Enumerable.Range(0, studentCount).Select(i =>
        {
            var id = (FirstStudentId + i).ToString(System.Globalization.CultureInfo.InvariantCulture);
            // Large classes (load tests) pair names beyond the lists; the id keeps login names unique.
            var givenName = given[i % given.Length];
            var familyName = family[(i + (i / family.Length)) % family.Length];
            var localPart = DemoNames.ToAsciiLocalPart(givenName, familyName) + (i < given.Length ? string.Empty : id);
            return i == privateIndex
                ? new DemoUser(id, $"student{id}", null, null, null, IsInstructor: false)
                : new DemoUser(id, localPart, givenName, familyName, $"{localPart}@students.example.edu", IsInstructor: false);
        }).ToArray();
    }

    // The planned assignments first; larger courses (load tests) add weekly practice sets cycling through the skills.
    private static DemoAssignment[] CreateAssignments(DateTimeOffset now, int assignmentCount) =>
        Enumerable.Range(0, assignmentCount).Select(i =>
        {
            var (id, label, maximum, skill) = i < AssignmentPlan.Length
                ? AssignmentPlan[i]
                : ((21 + i - AssignmentPlan.Length).ToString(System.Globalization.CultureInfo.InvariantCulture),
                    $"Practice set {i + 1 - AssignmentPlan.Length}: {Skills[i % Skills.Length].Title}",
                    10,
                    Skills[i % Skills.Length].Code);
            return new DemoAssignment(id, label, maximum, ResourceId: $"math7-{id}", skill, DueAt: now.AddDays(-7 * (assignmentCount - i)));
        })
        .ToArray();

    /// <summary>How one student performs: a general level, a small lean per skill, and possibly one gap.</summary>
    private sealed class StudentProfile
    {
        private readonly double _level;
        private readonly Dictionary<string, double> _skillLean = [];
        private readonly string? _gapSkill;
        private readonly double _gapLevel;

        private StudentProfile(double level, string? gapSkill, double gapLevel)
        {
            _level = level;
            _gapSkill = gapSkill;
            _gapLevel = gapLevel;
        }

        public static StudentProfile Create(Random random, string? gapSkill, bool struggling)
        {
            var level = gapSkill is not null ? Uniform(random, 0.80, 0.92)
                : struggling ? Uniform(random, 0.38, 0.50)
                : Math.Clamp(Gaussian(random, 0.75, 0.09), 0.55, 0.95);
            var profile = new StudentProfile(level, gapSkill, Uniform(random, 0.15, 0.32));
            foreach (var skill in Skills)
            {
                profile._skillLean[skill.Code] = Gaussian(random, 0, gapSkill is null ? 0.05 : 0.03);
            }

            return profile;
        }

        /// <summary>About 3 % of work is never handed in; a gap is never hidden by a missing submission.</summary>
        public bool Misses(Random random, string skill) => skill != _gapSkill && random.NextDouble() < 0.03;

        public double Attempt(Random random, string skill)
        {
            if (skill == _gapSkill)
            {
                return Math.Clamp(_gapLevel + Gaussian(random, 0, 0.03), 0.05, 0.38);
            }

            var floor = _gapSkill is null ? 0.10 : 0.70;
            return Math.Clamp(_level + _skillLean[skill] + Gaussian(random, 0, 0.04), floor, 1.0);
        }

        private static double Uniform(Random random, double low, double high) => low + (random.NextDouble() * (high - low));

        // Box–Muller transform: a normal draw from the seeded generator.
        private static double Gaussian(Random random, double mean, double deviation)
        {
            var u1 = 1.0 - random.NextDouble();
            var u2 = random.NextDouble();
            return mean + (deviation * Math.Sqrt(-2.0 * Math.Log(u1)) * Math.Cos(2.0 * Math.PI * u2));
        }
    }
}
