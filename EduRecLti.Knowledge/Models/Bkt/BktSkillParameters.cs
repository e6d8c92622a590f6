namespace EduRecLti.Knowledge.Models.Bkt;

/// <summary>
/// The fitted BKT of one skill: the prior P(L0), the skill-level step parameters and, for the per-item variants
/// (KT-IDEM, Pardos &amp; Heffernan 2011; pyBKT's multigs/multilearn), one shrunken set per item seen in training.
/// </summary>
/// <param name="Prior">P(L0): probability the skill is known before the first answer.</param>
/// <param name="Skill">Skill-level parameters; used for items that were not seen in training.</param>
/// <param name="ItemIds">Items with their own parameters, ascending; empty when the variant is skill-level only.</param>
/// <param name="Items">Parameters of <paramref name="ItemIds"/>[i] at position i.</param>
public sealed record BktSkillParameters(
    double Prior,
    BktStepParameters Skill,
    IReadOnlyList<int> ItemIds,
    IReadOnlyList<BktStepParameters> Items)
{
    /// <summary>The parameters for one item: its own when fitted, else the skill's.</summary>
    public BktStepParameters ForItem(int item)
    {
        if (ItemIds.Count == 0)
        {
            return Skill;
        }

        var position = BinarySearch(item);
        return position >= 0 ? Items[position] : Skill;
    }

    /// <summary>Value equality including the per-item lists (a record compares list references otherwise).</summary>
    public bool Equals(BktSkillParameters? other) =>
        other is not null
        && Prior.Equals(other.Prior)
        && Skill.Equals(other.Skill)
        && ItemIds.SequenceEqual(other.ItemIds)
        && Items.SequenceEqual(other.Items);

    public override int GetHashCode() => HashCode.Combine(Prior, Skill, ItemIds.Count);

    private int BinarySearch(int item)
    {
        int low = 0, high = ItemIds.Count - 1;
        while (low <= high)
        {
            var middle = low + ((high - low) / 2);
            var value = ItemIds[middle];
            if (value == item)
            {
                return middle;
            }

            if (value < item)
            {
                low = middle + 1;
            }
            else
            {
                high = middle - 1;
            }
        }

        return -1;
    }
}
