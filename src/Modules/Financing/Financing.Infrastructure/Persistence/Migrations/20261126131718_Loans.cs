using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Financing.Infrastructure.Persistence.Migrations
{
    /// <inheritdoc />
    public partial class Loans : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "loans",
                schema: "financing",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    financing_id = table.Column<Guid>(type: "uuid", nullable: false),
                    application_id = table.Column<Guid>(type: "uuid", nullable: false),
                    programme_id = table.Column<Guid>(type: "uuid", nullable: false),
                    province_code = table.Column<string>(type: "character varying(6)", maxLength: 6, nullable: false),
                    plan_version = table.Column<int>(type: "integer", nullable: false),
                    lender_id = table.Column<Guid>(type: "uuid", nullable: true),
                    principal = table.Column<decimal>(type: "numeric(14,2)", precision: 14, scale: 2, nullable: false),
                    annual_rate = table.Column<decimal>(type: "numeric(5,4)", precision: 5, scale: 4, nullable: false),
                    term_months = table.Column<int>(type: "integer", nullable: false),
                    grace_months = table.Column<int>(type: "integer", nullable: false),
                    first_due_on = table.Column<DateOnly>(type: "date", nullable: false),
                    status = table.Column<string>(type: "character varying(10)", maxLength: 10, nullable: false),
                    total_due = table.Column<decimal>(type: "numeric(14,2)", precision: 14, scale: 2, nullable: false),
                    repaid = table.Column<decimal>(type: "numeric(14,2)", precision: 14, scale: 2, nullable: false),
                    outstanding_principal = table.Column<decimal>(type: "numeric(14,2)", precision: 14, scale: 2, nullable: false),
                    days_past_due = table.Column<int>(type: "integer", nullable: false),
                    arrears_bucket = table.Column<string>(type: "character varying(7)", maxLength: 7, nullable: false),
                    amount_overdue = table.Column<decimal>(type: "numeric(14,2)", precision: 14, scale: 2, nullable: false),
                    in_arrears_since = table.Column<DateOnly>(type: "date", nullable: true),
                    arrears_reported_for = table.Column<DateOnly>(type: "date", nullable: true),
                    aged_on = table.Column<DateOnly>(type: "date", nullable: true),
                    created_on = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    closed_on = table.Column<DateOnly>(type: "date", nullable: true),
                    xmin = table.Column<uint>(type: "xid", rowVersion: true, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_loans", x => x.id);
                    table.ForeignKey(
                        name: "fk_loans_financings_financing_id",
                        column: x => x.financing_id,
                        principalSchema: "financing",
                        principalTable: "financings",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "loan_instalments",
                schema: "financing",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    number = table.Column<int>(type: "integer", nullable: false),
                    due_on = table.Column<DateOnly>(type: "date", nullable: false),
                    principal = table.Column<decimal>(type: "numeric(14,2)", precision: 14, scale: 2, nullable: false),
                    interest = table.Column<decimal>(type: "numeric(14,2)", precision: 14, scale: 2, nullable: false),
                    amount = table.Column<decimal>(type: "numeric(14,2)", precision: 14, scale: 2, nullable: false),
                    paid = table.Column<decimal>(type: "numeric(14,2)", precision: 14, scale: 2, nullable: false),
                    paid_off_on = table.Column<DateOnly>(type: "date", nullable: true),
                    loan_id = table.Column<Guid>(type: "uuid", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_loan_instalments", x => x.id);
                    table.ForeignKey(
                        name: "fk_loan_instalments_loans_loan_id",
                        column: x => x.loan_id,
                        principalSchema: "financing",
                        principalTable: "loans",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "loan_repayments",
                schema: "financing",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    paid_on = table.Column<DateOnly>(type: "date", nullable: false),
                    amount = table.Column<decimal>(type: "numeric(14,2)", precision: 14, scale: 2, nullable: false),
                    reference = table.Column<string>(type: "character varying(60)", maxLength: 60, nullable: true),
                    recorded_by = table.Column<Guid>(type: "uuid", nullable: true),
                    recorded_on = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    loan_id = table.Column<Guid>(type: "uuid", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_loan_repayments", x => x.id);
                    table.ForeignKey(
                        name: "fk_loan_repayments_loans_loan_id",
                        column: x => x.loan_id,
                        principalSchema: "financing",
                        principalTable: "loans",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "ix_loan_instalments_loan_id_due_on",
                schema: "financing",
                table: "loan_instalments",
                columns: new[] { "loan_id", "due_on" },
                filter: "paid < amount");

            migrationBuilder.CreateIndex(
                name: "ix_loan_instalments_loan_id_number",
                schema: "financing",
                table: "loan_instalments",
                columns: new[] { "loan_id", "number" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_loan_repayments_loan_id",
                schema: "financing",
                table: "loan_repayments",
                column: "loan_id");

            migrationBuilder.CreateIndex(
                name: "ix_loans_created_on",
                schema: "financing",
                table: "loans",
                column: "created_on");

            migrationBuilder.CreateIndex(
                name: "ix_loans_financing_id",
                schema: "financing",
                table: "loans",
                column: "financing_id");

            migrationBuilder.CreateIndex(
                name: "ix_loans_programme_id_status_arrears_bucket",
                schema: "financing",
                table: "loans",
                columns: new[] { "programme_id", "status", "arrears_bucket" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "loan_instalments",
                schema: "financing");

            migrationBuilder.DropTable(
                name: "loan_repayments",
                schema: "financing");

            migrationBuilder.DropTable(
                name: "loans",
                schema: "financing");
        }
    }
}
