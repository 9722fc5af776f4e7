using System.Reflection;

namespace Architecture.Tests;

/// <summary>The assemblies under test, named once, by a type each of them declares.</summary>
internal static class Layers
{
    public const string Domain = nameof(Domain);
    public const string Application = nameof(Application);
    public const string Contracts = nameof(Contracts);
    public const string Infrastructure = nameof(Infrastructure);

    public static readonly IReadOnlyList<string> All = [Domain, Application, Contracts, Infrastructure];

    public static readonly IReadOnlyDictionary<string, IReadOnlyDictionary<string, Assembly>> Modules =
        new Dictionary<string, IReadOnlyDictionary<string, Assembly>>(StringComparer.Ordinal)
        {
            ["Applicants"] = Module(
                typeof(Applicants.Domain.AssemblyReference),
                typeof(Applicants.Application.AssemblyReference),
                typeof(Applicants.Contracts.AssemblyReference),
                typeof(Applicants.Infrastructure.ApplicantsModule)),
            ["Financing"] = Module(
                typeof(Financing.Domain.AssemblyReference),
                typeof(Financing.Application.AssemblyReference),
                typeof(Financing.Contracts.AssemblyReference),
                typeof(Financing.Infrastructure.FinancingModule)),
            ["Mentoring"] = Module(
                typeof(Mentoring.Domain.AssemblyReference),
                typeof(Mentoring.Application.AssemblyReference),
                typeof(Mentoring.Contracts.AssemblyReference),
                typeof(Mentoring.Infrastructure.MentoringModule)),
            ["Partnerships"] = Module(
                typeof(Partnerships.Domain.AssemblyReference),
                typeof(Partnerships.Application.AssemblyReference),
                typeof(Partnerships.Contracts.AssemblyReference),
                typeof(Partnerships.Infrastructure.PartnershipsModule)),
            ["Reporting"] = Module(
                typeof(Reporting.Domain.AssemblyReference),
                typeof(Reporting.Application.AssemblyReference),
                typeof(Reporting.Contracts.AssemblyReference),
                typeof(Reporting.Infrastructure.ReportingModule)),
        };

    public static readonly IReadOnlyDictionary<string, Assembly> BuildingBlocks =
        new Dictionary<string, Assembly>(StringComparer.Ordinal)
        {
            [Domain] = typeof(global::BuildingBlocks.Domain.Money).Assembly,
            [Application] = typeof(global::BuildingBlocks.Application.Security.ProvinceAccess).Assembly,
            [Contracts] = typeof(global::BuildingBlocks.Contracts.IIntegrationEvent).Assembly,
            [Infrastructure] = typeof(global::BuildingBlocks.Infrastructure.Modules.ModuleCatalog).Assembly,
        };

    /// <summary>The namespace of one layer of one module, e.g. <c>Partnerships.Domain</c>.</summary>
    public static string Of(string module, string layer) => $"{module}.{layer}";

    public static Assembly Assembly(string module, string layer) => Modules[module][layer];

    /// <summary>The given layers of every module but <paramref name="module"/>.</summary>
    public static string[] OfOtherModules(string module, params string[] layers) =>
        Modules.Keys.Where(m => m != module).SelectMany(m => layers.Select(l => Of(m, l))).ToArray();

    /// <summary>The given layers of every module.</summary>
    public static string[] OfEveryModule(params string[] layers) =>
        Modules.Keys.SelectMany(m => layers.Select(l => Of(m, l))).ToArray();

    private static Dictionary<string, Assembly> Module(Type domain, Type application, Type contracts, Type infrastructure) =>
        new(StringComparer.Ordinal)
        {
            [Domain] = domain.Assembly,
            [Application] = application.Assembly,
            [Contracts] = contracts.Assembly,
            [Infrastructure] = infrastructure.Assembly,
        };
}
