using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Identity.Infrastructure.Persistence.Migrations
{
    /// <inheritdoc />
    public partial class StaffAdministration : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "created_on",
                schema: "identity",
                table: "AspNetUsers",
                type: "timestamp with time zone",
                nullable: false,
                // Accounts made before this migration: the day it ran stands in for the unknown day.
                defaultValueSql: "now()");

            migrationBuilder.AddColumn<string>(
                name: "display_name_ar",
                schema: "identity",
                table: "AspNetUsers",
                type: "character varying(200)",
                maxLength: 200,
                nullable: true);

            migrationBuilder.AddColumn<bool>(
                name: "is_active",
                schema: "identity",
                table: "AspNetUsers",
                type: "boolean",
                nullable: false,
                // Existing accounts stay active.
                defaultValue: true);

            migrationBuilder.AddColumn<Guid>(
                name: "mentor_id",
                schema: "identity",
                table: "AspNetUsers",
                type: "uuid",
                nullable: true);

            migrationBuilder.AddColumn<uint>(
                name: "xmin",
                schema: "identity",
                table: "AspNetUsers",
                type: "xid",
                rowVersion: true,
                nullable: false,
                defaultValue: 0u);

            migrationBuilder.CreateIndex(
                name: "ix_asp_net_users_provinces",
                schema: "identity",
                table: "AspNetUsers",
                column: "provinces")
                .Annotation("Npgsql:IndexMethod", "gin");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "ix_asp_net_users_provinces",
                schema: "identity",
                table: "AspNetUsers");

            migrationBuilder.DropColumn(
                name: "created_on",
                schema: "identity",
                table: "AspNetUsers");

            migrationBuilder.DropColumn(
                name: "display_name_ar",
                schema: "identity",
                table: "AspNetUsers");

            migrationBuilder.DropColumn(
                name: "is_active",
                schema: "identity",
                table: "AspNetUsers");

            migrationBuilder.DropColumn(
                name: "mentor_id",
                schema: "identity",
                table: "AspNetUsers");

            migrationBuilder.DropColumn(
                name: "xmin",
                schema: "identity",
                table: "AspNetUsers");
        }
    }
}
