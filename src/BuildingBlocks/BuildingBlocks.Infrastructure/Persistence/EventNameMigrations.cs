using Microsoft.EntityFrameworkCore.Migrations;

namespace BuildingBlocks.Infrastructure.Persistence;

/// <summary>
/// Rewrites the <c>type</c> of stored outbox and inbox rows from one event name to another, in a
/// module's migration. Used once to move the rows written under CLR type names to the contract
/// names; the mapping is frozen in literals, as a migration must not follow later renames.
/// </summary>
public static class EventNameMigrations
{
    /// <summary>The names the events of the Foundation were stored under before they had contract names.</summary>
    public static readonly IReadOnlyDictionary<string, string> ClrNamesToContractNames = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["Partnerships.Contracts.PartnerRegisteredIntegrationEvent"] = "partnerships.partner-registered.v1",
        ["Partnerships.Contracts.PartnerUpdatedIntegrationEvent"] = "partnerships.partner-updated.v1",
    };

    public static void RenameEventTypes(this MigrationBuilder migrationBuilder, string schema, IReadOnlyDictionary<string, string> renames, bool reverse = false)
    {
        ArgumentNullException.ThrowIfNull(migrationBuilder);
        ArgumentNullException.ThrowIfNull(renames);
        foreach (var (from, to) in renames.Select(r => reverse ? (r.Value, r.Key) : (r.Key, r.Value)))
        {
            foreach (var table in new[] { "outbox_messages", "inbox_messages" })
            {
                // Literals from this class and the module's schema constant: no input reaches this SQL.
                migrationBuilder.Sql($"""UPDATE "{schema}".{table} SET type = '{to}' WHERE type = '{from}';""");
            }
        }
    }
}
