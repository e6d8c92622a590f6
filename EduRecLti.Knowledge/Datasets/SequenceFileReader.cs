namespace EduRecLti.Knowledge.Datasets;

/// <summary>
/// The line-group sequence formats: DKVMN/DKT 3-line groups (count, skill ids, correctness) and AKT 4-line groups
/// (user header, problem ids, skill ids, correctness).
/// </summary>
internal static class SequenceFileReader
{
    /// <summary>
    /// Reads a 3-line file (skill-level: the skill is also the item). The files carry no student ids, so students are
    /// named "<paramref name="studentPrefix"/>#position". Returns the dense indices of the students read.
    /// </summary>
    public static List<int> ReadThreeLine(SequenceDatasetBuilder builder, string path, string studentPrefix)
    {
        var students = new List<int>();
        foreach (var block in DelimitedText.Blocks(path, 3))
        {
            var skills = DelimitedText.Fields(block[1]);
            var answers = DelimitedText.Fields(block[2]);
            var declared = DelimitedText.ParseInt(block[0].Trim().TrimEnd(','));
            CheckLengths(path, students.Count, declared, skills.Length, answers.Length);
            var student = builder.AddStudent($"{studentPrefix}#{students.Count}");
            for (var i = 0; i < skills.Length; i++)
            {
                builder.Add(student, skills[i], [skills[i]], DelimitedText.ParseInt(answers[i]));
            }

            students.Add(student);
        }

        return students;
    }

    /// <summary>
    /// Reads an AKT 4-line file, keyed by the original ASSISTments user id. A student already read from another file
    /// (every student is in one test file and in train/valid files of other folds) is only referenced again.
    /// </summary>
    public static List<int> ReadFourLine(SequenceDatasetBuilder builder, string path)
    {
        var students = new List<int>();
        foreach (var block in DelimitedText.Blocks(path, 4))
        {
            var header = DelimitedText.Fields(block[0]);
            var userId = header[^1];
            if (builder.HasStudent(userId))
            {
                students.Add(builder.AddStudent(userId));
                continue;
            }

            var problems = DelimitedText.Fields(block[1]);
            var skills = DelimitedText.Fields(block[2]);
            var answers = DelimitedText.Fields(block[3]);
            CheckLengths(path, students.Count, problems.Length, skills.Length, answers.Length);
            var student = builder.AddStudent(userId);
            for (var i = 0; i < problems.Length; i++)
            {
                builder.Add(student, problems[i], [skills[i]], DelimitedText.ParseInt(answers[i]));
            }

            students.Add(student);
        }

        return students;
    }

    private static void CheckLengths(string path, int group, int expected, int skills, int answers)
    {
        if (skills != expected || answers != expected)
        {
            throw new InvalidDataException(
                $"{path}: group {group} declares {expected} answers but has {skills} skill ids and {answers} answers.");
        }
    }
}
