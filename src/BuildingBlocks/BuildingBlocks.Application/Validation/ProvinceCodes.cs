using FluentValidation;

namespace BuildingBlocks.Application.Validation;

/// <summary>Official province and prefecture codes (HCP): two digits of the region, a dot, three digits (03.531 is Taounate).</summary>
public static class ProvinceCodes
{
    public const string Pattern = @"^\d{2}\.\d{3}$";

    /// <summary>The value, when given, is a province or prefecture code; the API reference shows the pattern.</summary>
    public static IRuleBuilderOptions<T, string?> ProvinceCode<T>(this IRuleBuilder<T, string?> rule) => rule.Matches(Pattern);
}
