namespace Reporting.Contracts;

/// <summary>Reporting publishes no integration event yet; this names its Contracts assembly.</summary>
public static class AssemblyReference
{
    public static readonly System.Reflection.Assembly Assembly = typeof(AssemblyReference).Assembly;
}
