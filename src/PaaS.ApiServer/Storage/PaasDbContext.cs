using Microsoft.EntityFrameworkCore;
using PaaS.ApiServer.Audit;
using PaaS.ApiServer.Identity;
using PaaS.ApiServer.Logs;

namespace PaaS.ApiServer.Storage;

/// <summary>
/// The schema and its migrations. Identity and tokens are read and written through EF; the object
/// write path uses hand-written SQL on the same database (see <see cref="ObjectStore"/>) because it
/// needs one locked counter, CAS updates and a change row in a single round trip.
/// </summary>
internal sealed class PaasDbContext(DbContextOptions<PaasDbContext> options) : DbContext(options)
{
    public DbSet<StoredObject> Objects => Set<StoredObject>();

    public DbSet<ObjectChange> ObjectChanges => Set<ObjectChange>();

    public DbSet<StoreCounter> StoreCounters => Set<StoreCounter>();

    public DbSet<OutboxCursor> OutboxCursors => Set<OutboxCursor>();

    public DbSet<ApiIdentity> Identities => Set<ApiIdentity>();

    public DbSet<ApiToken> ApiTokens => Set<ApiToken>();

    public DbSet<NamespaceUsage> NamespaceUsages => Set<NamespaceUsage>();

    public DbSet<AuditEvent> AuditEvents => Set<AuditEvent>();

    public DbSet<LogLine> LogLines => Set<LogLine>();

    public DbSet<LogCursor> LogCursors => Set<LogCursor>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<StoredObject>(e =>
        {
            e.ToTable("objects");
            e.HasKey(o => new { o.Resource, o.Namespace, o.Name });
            e.HasIndex(o => o.Uid).IsUnique();
            e.Property(o => o.Labels).HasColumnType("jsonb");
            e.Property(o => o.Body).HasColumnType("json");
            e.Property(o => o.Usage).HasColumnType("jsonb");
            // jsonb_path_ops serves the containment (@>) that equality selectors use, at a fraction of the
            // size; no pending list, so no insert pays for a periodic flush inside the serialized write.
            e.HasIndex(o => o.Labels).HasMethod("gin").HasOperators("jsonb_path_ops").HasStorageParameter("fastupdate", false);
            // Pods by node (node agents list their own pods) and unbound pods (the scheduler's queue).
            e.HasIndex(o => new { o.NodeName, o.Namespace, o.Name }).HasFilter("resource = 'pods' AND node_name IS NOT NULL").HasDatabaseName("ix_objects_pods_by_node");
            e.HasIndex(o => new { o.Namespace, o.Name }).HasFilter("resource = 'pods' AND node_name IS NULL").HasDatabaseName("ix_objects_unbound_pods");
            // Everything in a namespace, across kinds (namespace finalization).
            e.HasIndex(o => new { o.Namespace, o.Resource, o.Name });
        });

        modelBuilder.Entity<ObjectChange>(e =>
        {
            e.ToTable("object_changes");
            e.HasKey(c => c.ResourceVersion);
            e.Property(c => c.ResourceVersion).ValueGeneratedNever();
            e.Property(c => c.Body).HasColumnType("json");
            e.HasIndex(c => new { c.Resource, c.ResourceVersion });
        });

        modelBuilder.Entity<StoreCounter>(e =>
        {
            e.ToTable("store_counter");
            e.Property(c => c.Id).ValueGeneratedNever();
            e.HasData(new StoreCounter { Id = 1, Value = 1, CompactedThrough = 0 });
        });

        modelBuilder.Entity<OutboxCursor>(e =>
        {
            e.ToTable("outbox_cursor");
            e.Property(c => c.Id).ValueGeneratedNever();
            e.HasData(new OutboxCursor { Id = 1, PublishedThrough = 0 });
        });

        modelBuilder.Entity<ApiIdentity>(e =>
        {
            e.ToTable("identities");
            e.HasIndex(i => i.Name).IsUnique();
            e.Property(i => i.Kind).HasConversion<string>();
        });

        modelBuilder.Entity<NamespaceUsage>(e =>
        {
            e.ToTable("namespace_usage");
            e.HasKey(u => new { u.Namespace, u.Resource });
            e.Property(u => u.Used).HasColumnType("numeric");
        });

        modelBuilder.Entity<AuditEvent>(e =>
        {
            e.ToTable("audit_events");
            e.HasIndex(a => a.Time);
            e.HasIndex(a => new { a.User, a.Time });
            e.HasIndex(a => new { a.Namespace, a.Time });
        });

        modelBuilder.Entity<LogLine>(e =>
        {
            e.ToTable("log_lines");
            e.Property(l => l.Id).UseIdentityAlwaysColumn();
            // A re-sent line (an agent retrying a batch, or resuming at its cursor) collides here and is skipped.
            e.HasIndex(l => new { l.ContainerId, l.TimeUnixNano, l.Stream, l.LineHash }).IsUnique().HasDatabaseName("ix_log_lines_dedupe");
            // kubectl logs: one attempt of one container of one pod, in time order (tail reads it backwards).
            e.HasIndex(l => new { l.PodUid, l.ContainerName, l.Attempt, l.TimeUnixNano, l.Id }).HasDatabaseName("ix_log_lines_by_container");
            // Retention: lines arrive roughly in time order, so a BRIN index finds the old ones at a tiny size.
            e.HasIndex(l => l.TimeUnixNano).HasMethod("brin").HasDatabaseName("ix_log_lines_time");
        });

        modelBuilder.Entity<LogCursor>(e =>
        {
            e.ToTable("log_cursors");
            e.HasKey(c => c.ContainerId);
            e.HasIndex(c => c.Node);
        });

        modelBuilder.Entity<ApiToken>(e =>
        {
            e.ToTable("api_tokens");
            e.HasIndex(t => t.TokenHash).IsUnique();
            e.HasOne(t => t.Identity).WithMany(i => i.Tokens).HasForeignKey(t => t.IdentityId);
        });
    }
}
