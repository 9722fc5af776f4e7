using System.CodeDom.Compiler;
using BuildingBlocks.Application.Messaging;
using Host;
using NetArchTest.Rules;

namespace Architecture.Tests;

/// <summary>
/// The list of modules is kept once, in the host; these rules keep it true to the folders, and
/// keep the host and the subscription scan from being bypassed.
/// </summary>
public class ModuleListTests
{
    [Fact]
    public void The_module_list_names_every_folder_under_src_Modules_and_nothing_else()
    {
        var folders = Directory.GetDirectories(Path.Combine(RepositoryRoot(), "src", "Modules"))
            .Select(Path.GetFileName)
            .ToList();

        HostedModules.All.Select(m => m.Name).Should().BeEquivalentTo(
            folders,
            "every folder under src/Modules is a module the host composes (Host.csproj references them by a glob), and HostedModules lists each once");
    }

    [Fact]
    public void Each_entry_of_the_list_is_one_module_s_registration_class()
    {
        foreach (var module in HostedModules.All)
        {
            module.Registration.Name.Should().Be($"{module.Name}Module");
            module.Registration.Namespace.Should().Be(Layers.Of(module.Name, Layers.Infrastructure));
            module.MapEndpoints.Method.DeclaringType.Should().Be(module.Registration);
            module.SeedDemoData?.Method.DeclaringType.Should().Be(module.Registration);
        }

        HostedModules.All.Select(m => m.Name).Should().OnlyHaveUniqueItems();
    }

    [Fact]
    public void The_host_reaches_a_module_only_through_its_registration_class()
    {
        var forbidden = Layers.Modules.Keys.SelectMany(NotTheRegistrationClass).ToArray();

        var result = Types.InAssembly(Layers.Host).ShouldNot().HaveDependencyOnAny(forbidden).GetResult();
        var offenders = (result.FailingTypes ?? []).Where(t => !WrittenByTheMediatorGenerator(t)).Select(t => t.FullName).ToList();

        forbidden.Should().Contain(["Partnerships.Domain", "Partnerships.Application", "Partnerships.Infrastructure.Persistence"]);
        offenders.Should().BeEmpty(
            "the host composes modules through their registration classes only (STYLE.md), but these types reach deeper: {0}",
            string.Join(", ", offenders));
    }

    [Fact]
    public void An_integration_event_handler_lives_only_in_a_module_s_application_layer()
    {
        // The subscription scan reads each module's Application assembly: a handler anywhere else
        // would compile, register nothing, and leave its event unheard.
        var elsewhere = Layers.Modules.Keys
            .SelectMany(m => new[] { Layers.Domain, Layers.Contracts, Layers.Infrastructure }.Select(layer => Layers.Assembly(m, layer)))
            .Concat(Layers.BuildingBlocks.Values)
            .Append(Layers.Host)
            .ToList();

        var misplaced = Types.InAssemblies(elsewhere).That().ImplementInterface(typeof(IIntegrationEventHandler<>)).GetTypes()
            .Where(t => !t.IsInterface)
            .Select(t => t.FullName)
            .ToList();
        var found = Types.InAssembly(Layers.Assembly("Reporting", Layers.Application)).That().ImplementInterface(typeof(IIntegrationEventHandler<>)).GetTypes();

        found.Should().NotBeEmpty("the rule must recognise a handler where one is allowed, or it could never fail");
        misplaced.Should().BeEmpty("integration event handlers belong in a module's Application layer, where the subscription scan finds them");
    }

    /// <summary>
    /// Everything of a module but its registration class, as namespace prefixes: its Domain,
    /// Application and Contracts, the sub-namespaces of its Infrastructure, and any other type
    /// beside the registration class.
    /// </summary>
    private static IEnumerable<string> NotTheRegistrationClass(string module)
    {
        var infrastructure = Layers.Assembly(module, Layers.Infrastructure);
        var root = Layers.Of(module, Layers.Infrastructure);
        var registration = HostedModules.All.Single(m => m.Name == module).Registration;

        return new[] { Layers.Domain, Layers.Application, Layers.Contracts }.Select(layer => Layers.Of(module, layer))
            .Concat(infrastructure.GetTypes()
                .Where(t => t.Namespace is not null && t.Namespace.StartsWith(root + ".", StringComparison.Ordinal))
                .Select(t => t.Namespace!))
            .Concat(infrastructure.GetTypes()
                .Where(t => t.Namespace == root && t.DeclaringType is null && t != registration && !t.IsDefined(typeof(System.Runtime.CompilerServices.CompilerGeneratedAttribute), false))
                .Select(t => t.FullName!))
            .Distinct(StringComparer.Ordinal);
    }

    /// <summary>
    /// Mediator's source generator runs in the host and must name every handler to register it:
    /// the one writer of host code allowed past the registration classes.
    /// </summary>
    private static bool WrittenByTheMediatorGenerator(Type type)
    {
        for (Type? t = type; t is not null; t = t.DeclaringType)
        {
            if (t.GetCustomAttributes(typeof(GeneratedCodeAttribute), false).Cast<GeneratedCodeAttribute>()
                .Any(a => a.Tool?.StartsWith("Mediator", StringComparison.Ordinal) == true))
            {
                return true;
            }
        }

        return false;
    }

    private static string RepositoryRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (Directory.Exists(Path.Combine(directory.FullName, "src", "Modules")))
            {
                return directory.FullName;
            }
        }

        throw new InvalidOperationException("src/Modules not found above " + AppContext.BaseDirectory);
    }
}
