using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Partnerships.Infrastructure.Persistence.Migrations
{
    /// <inheritdoc />
    public partial class ApiKeyScopesAndRotation : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<Guid>(
                name: "rotated_from",
                schema: "partnerships",
                table: "partner_api_keys",
                type: "uuid",
                nullable: true);

            migrationBuilder.AddColumn<string[]>(
                name: "scopes",
                schema: "partnerships",
                table: "partner_api_keys",
                type: "text[]",
                nullable: false,
                // Keys issued before scopes existed keep doing what they could: everything.
                defaultValue: new[] { "referrals:write", "status:read", "webhooks:manage" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "rotated_from",
                schema: "partnerships",
                table: "partner_api_keys");

            migrationBuilder.DropColumn(
                name: "scopes",
                schema: "partnerships",
                table: "partner_api_keys");
        }
    }
}
