using Mediator;

namespace Applicants.Contracts;

/// <summary>
/// Which of these province or prefecture codes (HCP, e.g. <c>03.531</c>) the reference geography
/// does not know; answers them, or nothing when every code is known. For modules that store a
/// province (staff accounts, partners) and must refuse a code that names none.
/// </summary>
public sealed record FindUnknownProvincesQuery(IReadOnlyCollection<string> Codes) : IQuery<IReadOnlyCollection<string>>;

/// <summary>A commune by its HCP code (e.g. <c>03.531.01.01</c>); null when there is none.</summary>
public sealed record FindCommuneQuery(string Code) : IQuery<CommuneInfo?>;

/// <summary>A commune as other modules see it: where it lies and what it is called.</summary>
/// <param name="Code">The HCP commune code, region.province.cercle.commune (e.g. 03.531.01.01).</param>
/// <param name="ProvinceCode">The province or prefecture it belongs to (e.g. 03.531).</param>
/// <param name="RegionCode">The region it belongs to (e.g. 03).</param>
/// <param name="Kind">Urban (a municipality) or Rural.</param>
/// <param name="NameFr">Its name in French, as HCP spells it.</param>
/// <param name="NameAr">Its name in Arabic.</param>
public sealed record CommuneInfo(string Code, string ProvinceCode, string RegionCode, string Kind, string NameFr, string NameAr);
