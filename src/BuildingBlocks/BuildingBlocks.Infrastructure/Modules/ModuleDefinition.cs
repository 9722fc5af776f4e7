using System.Reflection;

namespace BuildingBlocks.Infrastructure.Modules;

/// <summary>What the host needs to know of a module: its schema, its DbContext, its assemblies.</summary>
public sealed record ModuleDefinition(
    string Name,
    string Schema,
    Type DbContextType,
    Assembly ApplicationAssembly,
    Assembly ContractsAssembly,
    Assembly InfrastructureAssembly);

/// <summary>Every registered module; how a command finds its module's unit of work.</summary>
public sealed class ModuleCatalog
{
    private readonly List<ModuleDefinition> _modules = [];

    public IReadOnlyList<ModuleDefinition> Modules => _modules;

    internal void Add(ModuleDefinition module)
    {
        if (_modules.Any(m => m.Name == module.Name || m.Schema == module.Schema))
        {
            throw new InvalidOperationException($"Module {module.Name} is registered twice.");
        }

        _modules.Add(module);
    }

    /// <summary>A module by the name an operator types (case-insensitive).</summary>
    public ModuleDefinition? Named(string name) =>
        _modules.FirstOrDefault(m => string.Equals(m.Name, name, StringComparison.OrdinalIgnoreCase));

    /// <summary>The module that owns a command or a handler, by the assembly it is declared in.</summary>
    public ModuleDefinition? Owning(Type type)
    {
        ArgumentNullException.ThrowIfNull(type);
        return _modules.FirstOrDefault(m => m.ApplicationAssembly == type.Assembly || m.InfrastructureAssembly == type.Assembly);
    }
}
