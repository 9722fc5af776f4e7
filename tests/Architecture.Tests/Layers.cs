using System.Reflection;
using Host;

namespace Architecture.Tests;

/// <summary>The assemblies under test, derived from the host's list of modules.</summary>
internal static class Layers
{
    public const string Domain = nameof(Domain);
    public const string Application = nameof(Application);
    public const string Contracts = nameof(Contracts);
    public const string Infrastructure = nameof(Infrastructure);

    public static readonly IReadOnlyList<string> All = [Domain, Application, Contracts, Infrastructure];

    /// <summary>
    /// Every module, from the host's one list (<see cref="HostedModules"/>): the registration class
    /// names the Infrastructure assembly, and the other layers are loaded by their names.
    /// </summary>
    public static readonly IReadOnlyDictionary<string, IReadOnlyDictionary<string, Assembly>> Modules =
        HostedModules.All.ToDictionary(m => m.Name, Module, StringComparer.Ordinal);

    /// <summary>The host: composes modules, and reaches each only through its registration class.</summary>
    public static readonly Assembly Host = typeof(Program).Assembly;

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

    private static IReadOnlyDictionary<string, Assembly> Module(HostedModule module) =>
        All.ToDictionary(
            layer => layer,
            layer => layer == Infrastructure
                ? module.Registration.Assembly
                : System.Reflection.Assembly.Load(new AssemblyName(Of(module.Name, layer))),
            StringComparer.Ordinal);
}
