namespace BuildingBlocks.Domain;

/// <summary>A rule of the domain, checked where the change happens.</summary>
public interface IBusinessRule
{
    /// <summary>A stable, machine-readable name, e.g. <c>partner.name-must-be-unique</c>.</summary>
    string Code { get; }

    LocalizedText Message { get; }

    bool IsBroken();
}
