using BuildingBlocks.Domain;

namespace Mentoring.Domain.Mentors.Rules;

/// <summary>Suggestions match mentors to projects by province: a mentor who covers none is never suggested.</summary>
public sealed class MentorNeedsAProvinceRule(IReadOnlyCollection<string> provinces) : IBusinessRule
{
    public string Code => "mentor.needs-a-province";

    public LocalizedText Message => new(
        "A mentor covers at least one province.",
        "Un mentor couvre au moins une province.",
        "يغطي المرشد إقليما واحدا على الأقل.");

    public bool IsBroken() => provinces.Count == 0;
}
