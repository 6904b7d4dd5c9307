using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace PaaS.ApiServer.Storage.Migrations
{
    /// <inheritdoc />
    public partial class InitialSchema : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "identities",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    name = table.Column<string>(type: "text", nullable: false),
                    kind = table.Column<string>(type: "text", nullable: false),
                    is_admin = table.Column<bool>(type: "boolean", nullable: false),
                    password_hash = table.Column<string>(type: "text", nullable: true),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_identities", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "object_changes",
                columns: table => new
                {
                    resource_version = table.Column<long>(type: "bigint", nullable: false),
                    resource = table.Column<string>(type: "text", nullable: false),
                    @namespace = table.Column<string>(name: "namespace", type: "text", nullable: false),
                    name = table.Column<string>(type: "text", nullable: false),
                    uid = table.Column<Guid>(type: "uuid", nullable: false),
                    change_type = table.Column<string>(type: "text", nullable: false),
                    body = table.Column<string>(type: "json", nullable: false),
                    committed_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_object_changes", x => x.resource_version);
                });

            migrationBuilder.CreateTable(
                name: "objects",
                columns: table => new
                {
                    resource = table.Column<string>(type: "text", nullable: false),
                    @namespace = table.Column<string>(name: "namespace", type: "text", nullable: false),
                    name = table.Column<string>(type: "text", nullable: false),
                    uid = table.Column<Guid>(type: "uuid", nullable: false),
                    resource_version = table.Column<long>(type: "bigint", nullable: false),
                    labels = table.Column<string>(type: "jsonb", nullable: false),
                    node_name = table.Column<string>(type: "text", nullable: true),
                    phase = table.Column<string>(type: "text", nullable: true),
                    deletion_timestamp = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    body = table.Column<string>(type: "json", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_objects", x => new { x.resource, x.@namespace, x.name });
                });

            migrationBuilder.CreateTable(
                name: "outbox_cursor",
                columns: table => new
                {
                    id = table.Column<int>(type: "integer", nullable: false),
                    published_through = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_outbox_cursor", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "store_counter",
                columns: table => new
                {
                    id = table.Column<int>(type: "integer", nullable: false),
                    value = table.Column<long>(type: "bigint", nullable: false),
                    compacted_through = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_store_counter", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "api_tokens",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    identity_id = table.Column<Guid>(type: "uuid", nullable: false),
                    token_hash = table.Column<string>(type: "text", nullable: false),
                    description = table.Column<string>(type: "text", nullable: false),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    expires_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    revoked_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_api_tokens", x => x.id);
                    table.ForeignKey(
                        name: "fk_api_tokens_identities_identity_id",
                        column: x => x.identity_id,
                        principalTable: "identities",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.InsertData(
                table: "outbox_cursor",
                columns: new[] { "id", "published_through" },
                values: new object[] { 1, 0L });

            migrationBuilder.InsertData(
                table: "store_counter",
                columns: new[] { "id", "compacted_through", "value" },
                values: new object[] { 1, 0L, 1L });

            migrationBuilder.CreateIndex(
                name: "ix_api_tokens_identity_id",
                table: "api_tokens",
                column: "identity_id");

            migrationBuilder.CreateIndex(
                name: "ix_api_tokens_token_hash",
                table: "api_tokens",
                column: "token_hash",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_identities_name",
                table: "identities",
                column: "name",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_object_changes_resource_resource_version",
                table: "object_changes",
                columns: new[] { "resource", "resource_version" });

            migrationBuilder.CreateIndex(
                name: "ix_objects_labels",
                table: "objects",
                column: "labels")
                .Annotation("Npgsql:IndexMethod", "gin")
                .Annotation("Npgsql:IndexOperators", new[] { "jsonb_path_ops" })
                .Annotation("Npgsql:StorageParameter:fastupdate", false);

            migrationBuilder.CreateIndex(
                name: "ix_objects_namespace_resource_name",
                table: "objects",
                columns: new[] { "namespace", "resource", "name" });

            migrationBuilder.CreateIndex(
                name: "ix_objects_pods_by_node",
                table: "objects",
                columns: new[] { "node_name", "namespace", "name" },
                filter: "resource = 'pods' AND node_name IS NOT NULL");

            migrationBuilder.CreateIndex(
                name: "ix_objects_uid",
                table: "objects",
                column: "uid",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_objects_unbound_pods",
                table: "objects",
                columns: new[] { "namespace", "name" },
                filter: "resource = 'pods' AND node_name IS NULL");

            migrationBuilder.Sql(StoreFunctions.CreateWriteObjectV1);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql(StoreFunctions.DropWriteObjectV1);

            migrationBuilder.DropTable(
                name: "api_tokens");

            migrationBuilder.DropTable(
                name: "object_changes");

            migrationBuilder.DropTable(
                name: "objects");

            migrationBuilder.DropTable(
                name: "outbox_cursor");

            migrationBuilder.DropTable(
                name: "store_counter");

            migrationBuilder.DropTable(
                name: "identities");
        }
    }
}
