using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace PaaS.ApiServer.Storage.Migrations
{
    /// <inheritdoc />
    public partial class AddLogs : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "log_cursors",
                columns: table => new
                {
                    container_id = table.Column<string>(type: "text", nullable: false),
                    node = table.Column<string>(type: "text", nullable: false),
                    time_unix_nano = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_log_cursors", x => x.container_id);
                });

            migrationBuilder.CreateTable(
                name: "log_lines",
                columns: table => new
                {
                    id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityAlwaysColumn),
                    node = table.Column<string>(type: "text", nullable: false),
                    @namespace = table.Column<string>(name: "namespace", type: "text", nullable: false),
                    pod_name = table.Column<string>(type: "text", nullable: false),
                    pod_uid = table.Column<Guid>(type: "uuid", nullable: false),
                    container_name = table.Column<string>(type: "text", nullable: false),
                    attempt = table.Column<int>(type: "integer", nullable: false),
                    container_id = table.Column<string>(type: "text", nullable: false),
                    time_unix_nano = table.Column<long>(type: "bigint", nullable: false),
                    stream = table.Column<string>(type: "text", nullable: false),
                    line = table.Column<string>(type: "text", nullable: false),
                    line_hash = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_log_lines", x => x.id);
                });

            migrationBuilder.CreateIndex(
                name: "ix_log_cursors_node",
                table: "log_cursors",
                column: "node");

            migrationBuilder.CreateIndex(
                name: "ix_log_lines_by_container",
                table: "log_lines",
                columns: new[] { "pod_uid", "container_name", "attempt", "time_unix_nano", "id" });

            migrationBuilder.CreateIndex(
                name: "ix_log_lines_dedupe",
                table: "log_lines",
                columns: new[] { "container_id", "time_unix_nano", "stream", "line_hash" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_log_lines_time",
                table: "log_lines",
                column: "time_unix_nano")
                .Annotation("Npgsql:IndexMethod", "brin");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "log_cursors");

            migrationBuilder.DropTable(
                name: "log_lines");
        }
    }
}
