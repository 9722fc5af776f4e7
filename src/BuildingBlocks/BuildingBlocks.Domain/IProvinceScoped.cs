namespace BuildingBlocks.Domain;

/// <summary>
/// A record that belongs to a province (official code such as <c>03.531</c>), or to none when it
/// is national. Staff confined to provinces read and change only the records of theirs; the rule
/// is enforced once, in the persistence layer, for every module.
/// </summary>
public interface IProvinceScoped
{
    string? ProvinceCode { get; }
}
