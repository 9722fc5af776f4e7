namespace Identity.Domain;

/// <summary>Names this assembly for registration and architecture tests.</summary>
public static class AssemblyReference
{
    public static readonly System.Reflection.Assembly Assembly = typeof(AssemblyReference).Assembly;
}
