using BuildingBlocks.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Reporting.Infrastructure.Persistence.Migrations
{
    /// <summary>
    /// Data only (the model does not change): outbox and inbox rows written under the events' CLR
    /// type names are renamed to the events' contract names (ADR 0002), so that they are still
    /// relayed and handled.
    /// </summary>
    [DbContext(typeof(ReportingDbContext))]
    [Migration("20261126080000_StableEventNames")]
    public sealed class StableEventNames : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder) =>
            migrationBuilder.RenameEventTypes(ReportingDbContext.SchemaName, EventNameMigrations.ClrNamesToContractNames);

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder) =>
            migrationBuilder.RenameEventTypes(ReportingDbContext.SchemaName, EventNameMigrations.ClrNamesToContractNames, reverse: true);
    }
}
