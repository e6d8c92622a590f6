namespace EduRecLti.Knowledge.Core;

/// <summary>
/// One answer of one student to one item: the unit every knowledge model learns from.
/// </summary>
/// <param name="Student">Dense student index (0..StudentCount-1) inside a <see cref="ResponseDataset"/>.</param>
/// <param name="Item">Dense item index (a question, or an LMS line item).</param>
/// <param name="Skills">Dense skill indices the item exercises (the item's Q-matrix row); may be empty.</param>
/// <param name="Score">Outcome in [0,1]: 0/1 for a right/wrong answer, a fraction for a graded assignment.</param>
/// <param name="Timestamp">Seconds since an arbitrary origin, or the position in the sequence when no time is known.</param>
public readonly record struct Observation(int Student, int Item, int[] Skills, double Score, long Timestamp)
{
    /// <summary>True when the score counts as a correct answer (the usual 0.5 cut for binary metrics).</summary>
    public bool Correct => Score >= 0.5;
}
