using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace PaaS.ApiServer.Storage.Migrations
{
    /// <inheritdoc />
    public partial class AddTenancy : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<long>(
                name: "policy_version",
                table: "store_counter",
                type: "bigint",
                nullable: false,
                defaultValue: 0L);

            migrationBuilder.AddColumn<string>(
                name: "usage",
                table: "objects",
                type: "jsonb",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "audit_events",
                columns: table => new
                {
                    id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    time = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    user = table.Column<string>(type: "text", nullable: false),
                    verb = table.Column<string>(type: "text", nullable: false),
                    resource = table.Column<string>(type: "text", nullable: false),
                    subresource = table.Column<string>(type: "text", nullable: true),
                    @namespace = table.Column<string>(name: "namespace", type: "text", nullable: true),
                    name = table.Column<string>(type: "text", nullable: true),
                    request_uri = table.Column<string>(type: "text", nullable: false),
                    source_ip = table.Column<string>(type: "text", nullable: true),
                    user_agent = table.Column<string>(type: "text", nullable: true),
                    code = table.Column<int>(type: "integer", nullable: false),
                    message = table.Column<string>(type: "text", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_audit_events", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "namespace_usage",
                columns: table => new
                {
                    @namespace = table.Column<string>(name: "namespace", type: "text", nullable: false),
                    resource = table.Column<string>(type: "text", nullable: false),
                    used = table.Column<decimal>(type: "numeric", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_namespace_usage", x => new { x.@namespace, x.resource });
                });

            migrationBuilder.UpdateData(
                table: "store_counter",
                keyColumn: "id",
                keyValue: 1,
                column: "policy_version",
                value: 0L);

            migrationBuilder.CreateIndex(
                name: "ix_audit_events_namespace_time",
                table: "audit_events",
                columns: new[] { "namespace", "time" });

            migrationBuilder.CreateIndex(
                name: "ix_audit_events_time",
                table: "audit_events",
                column: "time");

            migrationBuilder.CreateIndex(
                name: "ix_audit_events_user_time",
                table: "audit_events",
                columns: new[] { "user", "time" });

            // The write function changes signature (usage and the caller's quota policy view); the old one goes first.
            migrationBuilder.Sql(StoreFunctions.DropWriteObjectV1);
            migrationBuilder.Sql(StoreFunctions.CreateRebuildUsage);
            migrationBuilder.Sql(StoreFunctions.CreateChargeUsage);
            migrationBuilder.Sql(StoreFunctions.CreateWriteObject);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql(StoreFunctions.DropWriteObject);
            migrationBuilder.Sql(StoreFunctions.DropChargeUsage);
            migrationBuilder.Sql(StoreFunctions.DropRebuildUsage);
            migrationBuilder.Sql(StoreFunctions.CreateWriteObjectV1);
            migrationBuilder.DropTable(
                name: "audit_events");

            migrationBuilder.DropTable(
                name: "namespace_usage");

            migrationBuilder.DropColumn(
                name: "policy_version",
                table: "store_counter");

            migrationBuilder.DropColumn(
                name: "usage",
                table: "objects");
        }
    }
}
