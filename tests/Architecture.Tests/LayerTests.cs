using NetArchTest.Rules;

namespace Architecture.Tests;

/// <summary>"Who may reference whom" (STYLE.md), for every module, with no exemptions.</summary>
public class LayerTests
{
    private static readonly string[] Persistence = ["Microsoft.EntityFrameworkCore", "Npgsql"];
    private static readonly string[] Web = ["Microsoft.AspNetCore"];
    private static readonly string[] Jobs = ["Hangfire"];
    private static readonly string[] Validation = ["FluentValidation"];

    public static TheoryData<string> ModuleNames => new(Layers.Modules.Keys);

    [Theory]
    [MemberData(nameof(ModuleNames))]
    public void Each_layer_is_the_assembly_it_claims_to_be(string module)
    {
        foreach (var layer in Layers.All)
        {
            var assembly = Layers.Assembly(module, layer);

            assembly.GetName().Name.Should().Be(Layers.Of(module, layer));
            Types.InAssembly(assembly).GetTypes().Should().NotBeEmpty();
            Types.InAssembly(assembly).Should().NotResideInNamespace(Layers.Of(module, layer)).GetResult().IsSuccessful
                .Should().BeFalse("{0} declares its types in its own namespace", Layers.Of(module, layer));
        }
    }

    [Theory]
    [MemberData(nameof(ModuleNames))]
    public void The_domain_depends_on_no_framework_nor_on_its_outer_layers_nor_on_another_module(string module)
    {
        string[] forbidden =
        [
            .. Persistence, .. Web, .. Jobs, .. Validation,
            Layers.Of(module, Layers.Application),
            Layers.Of(module, Layers.Contracts),
            Layers.Of(module, Layers.Infrastructure),
            "BuildingBlocks.Application",
            "BuildingBlocks.Contracts",
            "BuildingBlocks.Infrastructure",
            .. Layers.OfOtherModules(module, Layers.All.ToArray()),
        ];

        AssertNoDependency(Layers.Assembly(module, Layers.Domain), forbidden);
    }

    [Theory]
    [MemberData(nameof(ModuleNames))]
    public void The_application_depends_on_no_infrastructure_nor_on_another_module_except_its_contracts(string module)
    {
        string[] forbidden =
        [
            .. Web, .. Jobs, "Npgsql",
            Layers.Of(module, Layers.Infrastructure),
            "BuildingBlocks.Infrastructure",
            .. Layers.OfOtherModules(module, Layers.Domain, Layers.Application, Layers.Infrastructure),
        ];

        AssertNoDependency(Layers.Assembly(module, Layers.Application), forbidden);
    }

    [Theory]
    [MemberData(nameof(ModuleNames))]
    public void The_infrastructure_depends_on_another_module_only_through_its_contracts(string module)
    {
        AssertNoDependency(
            Layers.Assembly(module, Layers.Infrastructure),
            Layers.OfOtherModules(module, Layers.Domain, Layers.Application, Layers.Infrastructure));
    }

    [Theory]
    [MemberData(nameof(ModuleNames))]
    public void The_contracts_depend_on_nothing_but_contracts(string module)
    {
        string[] forbidden =
        [
            .. Layers.OfEveryModule(Layers.Domain, Layers.Application, Layers.Infrastructure),
            "BuildingBlocks.Domain",
            "BuildingBlocks.Application",
            "BuildingBlocks.Infrastructure",
            .. Persistence, .. Web, .. Jobs, .. Validation,
        ];

        AssertNoDependency(Layers.Assembly(module, Layers.Contracts), forbidden);
    }

    [Fact]
    public void The_shared_domain_depends_on_no_framework()
    {
        AssertNoDependency(
            Layers.BuildingBlocks[Layers.Domain],
            [.. Persistence, .. Web, .. Jobs, .. Validation, "BuildingBlocks.Application", "BuildingBlocks.Contracts", "BuildingBlocks.Infrastructure"]);
    }

    [Fact]
    public void The_shared_contracts_depend_on_no_other_building_block()
    {
        AssertNoDependency(
            Layers.BuildingBlocks[Layers.Contracts],
            [.. Persistence, .. Web, .. Jobs, .. Validation, "BuildingBlocks.Domain", "BuildingBlocks.Application", "BuildingBlocks.Infrastructure"]);
    }

    [Fact]
    public void The_shared_application_depends_on_no_web_nor_jobs_framework()
    {
        AssertNoDependency(
            Layers.BuildingBlocks[Layers.Application],
            [.. Web, .. Jobs, "Npgsql", "BuildingBlocks.Infrastructure"]);
    }

    [Theory]
    [InlineData(Layers.Domain)]
    [InlineData(Layers.Application)]
    [InlineData(Layers.Contracts)]
    [InlineData(Layers.Infrastructure)]
    public void No_building_block_depends_on_any_module(string layer)
    {
        AssertNoDependency(Layers.BuildingBlocks[layer], Layers.OfEveryModule(Layers.All.ToArray()));
    }

    private static void AssertNoDependency(System.Reflection.Assembly assembly, string[] forbidden)
    {
        var result = Types.InAssembly(assembly).ShouldNot().HaveDependencyOnAny(forbidden).GetResult();

        result.IsSuccessful.Should().BeTrue(
            "{0} must not depend on any of [{1}], but these types do: {2}",
            assembly.GetName().Name,
            string.Join(", ", forbidden),
            string.Join(", ", result.FailingTypeNames ?? []));
    }
}
