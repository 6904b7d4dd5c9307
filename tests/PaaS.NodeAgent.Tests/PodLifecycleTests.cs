using System.Diagnostics;
using System.Text;
using k8s.Models;

namespace PaaS.NodeAgent.Tests;

/// <summary>Restarts, back-off, image errors, configuration, published ports and graceful termination on the real Docker engine.</summary>
public sealed class PodLifecycleTests : IAsyncLifetime
{
    private readonly RuntimeHarness _harness = new();

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await _harness.CleanUpAsync();

    [Fact]
    public async Task CrashingContainer_RestartsWithGrowingBackOff_AndShowsCrashLoopBackOff()
    {
        var pod = _harness.Pod("crash", [new V1Container { Name = "app", Image = "paas/busybox:1", Command = ["sh", "-c", "echo boom; exit 3"] }]);

        var seen = await _harness.SyncUntilAsync(pod, s => s.ContainerStatuses[0].RestartCount >= 3, TimeSpan.FromSeconds(30));

        var waits = seen.Select(s => s.ContainerStatuses[0].State.Waiting).Where(w => w?.Reason == "CrashLoopBackOff").Select(w => w!.Message).Distinct().ToList();
        Assert.Contains(waits, m => m.StartsWith("back-off 1s restarting failed container=app pod=crash_", StringComparison.Ordinal));
        Assert.Contains(waits, m => m.StartsWith("back-off 2s restarting failed container=app", StringComparison.Ordinal));
        var last = seen[^1].ContainerStatuses[0].LastState.Terminated;
        Assert.Equal((3, "Error"), (last.ExitCode, last.Reason));
        Assert.Equal("Running", seen[^1].Phase);
    }

    [Theory]
    [InlineData("Never", "exit 0", "Succeeded")]
    [InlineData("Never", "exit 1", "Failed")]
    [InlineData("OnFailure", "exit 0", "Succeeded")]
    public async Task AContainerThatMayNotRestart_EndsThePod(string policy, string script, string phase)
    {
        var pod = _harness.Pod("job", [new V1Container { Name = "app", Image = "paas/busybox:1", Command = ["sh", "-c", script] }], policy);

        var seen = await _harness.SyncUntilAsync(pod, s => s.Phase is "Succeeded" or "Failed", TimeSpan.FromSeconds(15));

        Assert.Equal(phase, seen[^1].Phase);
        Assert.Equal(0, seen[^1].ContainerStatuses[0].RestartCount);
        Assert.Equal(script == "exit 0" ? "Completed" : "Error", seen[^1].ContainerStatuses[0].State.Terminated.Reason);
    }

    [Fact]
    public async Task AnImageThatDoesNotExist_ShowsErrImagePull_ThenImagePullBackOff()
    {
        // A registry on a closed loopback port: the pull fails at once and sends nothing off the machine.
        var pod = _harness.Pod("noimage", [new V1Container { Name = "app", Image = "127.0.0.1:5999/paas/nope:1" }]);

        var first = (await _harness.SyncAsync(pod)).Status;
        var again = (await _harness.SyncAsync(pod)).Status;

        Assert.Equal("Pending", first.Phase);
        Assert.Equal("ErrImagePull", first.ContainerStatuses[0].State.Waiting.Reason);
        Assert.Contains("127.0.0.1:5999/paas/nope:1", first.ContainerStatuses[0].State.Waiting.Message, StringComparison.Ordinal);
        Assert.Equal("ImagePullBackOff", again.ContainerStatuses[0].State.Waiting.Reason);
    }

    [Fact]
    public async Task ConfigMapsAndSecrets_ReachTheContainer_AsEnvironmentAndFiles()
    {
        _harness.Config.ConfigMaps["settings"] = new V1ConfigMap { Metadata = new V1ObjectMeta { Name = "settings" }, Data = new Dictionary<string, string> { ["COLOR"] = "blue", ["app.conf"] = "level=debug" } };
        _harness.Config.Secrets["creds"] = new V1Secret { Metadata = new V1ObjectMeta { Name = "creds" }, Data = new Dictionary<string, byte[]> { ["password"] = Encoding.UTF8.GetBytes("s3cret") } };
        var pod = _harness.Pod("config", [new V1Container
        {
            Name = "app", Image = "paas/busybox:1", Command = ["sleep", "3600"],
            EnvFrom = [new V1EnvFromSource { ConfigMapRef = new V1ConfigMapEnvSource { Name = "settings" }, Prefix = "CFG_" }],
            Env = [new V1EnvVar { Name = "PASSWORD", ValueFrom = new V1EnvVarSource { SecretKeyRef = new V1SecretKeySelector { Name = "creds", Key = "password" } } }],
            VolumeMounts = [new V1VolumeMount { Name = "conf", MountPath = "/etc/app" }, new V1VolumeMount { Name = "secret", MountPath = "/etc/secret" }],
        }]);
        pod.Spec.Volumes.Add(new V1Volume { Name = "conf", ConfigMap = new V1ConfigMapVolumeSource { Name = "settings" } });
        pod.Spec.Volumes.Add(new V1Volume { Name = "secret", Secret = new V1SecretVolumeSource { SecretName = "creds" } });

        await _harness.SyncUntilAsync(pod, s => s.Phase == "Running", TimeSpan.FromSeconds(15));
        var app = await _harness.ContainerIdAsync(pod, "app");

        Assert.Equal("blue s3cret", await _harness.ExecAsync(app, "sh", "-c", "echo $CFG_COLOR $PASSWORD"));
        Assert.Equal("level=debug", await _harness.ExecAsync(app, "cat", "/etc/app/app.conf"));
        Assert.Equal("s3cret", await _harness.ExecAsync(app, "cat", "/etc/secret/password"));
        Assert.Contains("Read-only file system", await _harness.ExecAsync(app, "sh", "-c", "echo x > /etc/app/new"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task AMissingConfigMap_KeepsTheContainerWaiting_WithCreateContainerConfigError()
    {
        var pod = _harness.Pod("noconfig", [new V1Container
        {
            Name = "app", Image = "paas/busybox:1", Command = ["sleep", "3600"],
            Env = [new V1EnvVar { Name = "X", ValueFrom = new V1EnvVarSource { ConfigMapKeyRef = new V1ConfigMapKeySelector { Name = "absent", Key = "x" } } }],
        }]);

        var status = (await _harness.SyncAsync(pod)).Status;

        var waiting = status.ContainerStatuses[0].State.Waiting;
        Assert.Equal(("CreateContainerConfigError", "configmap \"absent\" not found"), (waiting.Reason, waiting.Message));
    }

    [Fact]
    public async Task ContainerPorts_ArePublishedOnTheNodeAddress_AndReported()
    {
        var pod = _harness.Pod("web", [new V1Container { Name = "app", Image = "paas/hello:1", Ports = [new V1ContainerPort { ContainerPort = 8080 }] }]);

        var report = await _harness.SyncAsync(pod);

        Assert.Matches(@"^8080/TCP=127\.0\.0\.1:4\d{4}$", report.PublishedPorts);
        using var http = new HttpClient();
        var body = await Eventually(() => http.GetStringAsync(new Uri("http://" + report.PublishedPorts![(report.PublishedPorts!.IndexOf('=', StringComparison.Ordinal) + 1)..] + "/")));
        Assert.Contains("web", body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Termination_SendsSigtermFirst_AndSigkillAfterTheGracePeriod()
    {
        var polite = _harness.Pod("polite", [new V1Container { Name = "app", Image = "paas/busybox:1", Command = ["sh", "-c", "trap 'exit 0' TERM; while true; do sleep 1; done"] }]);
        var stubborn = _harness.Pod("stubborn", [new V1Container { Name = "app", Image = "paas/busybox:1", Command = ["sh", "-c", "trap '' TERM; while true; do sleep 1; done"] }]);
        polite.Spec.TerminationGracePeriodSeconds = 30;
        stubborn.Spec.TerminationGracePeriodSeconds = 3;
        await _harness.SyncUntilAsync(polite, s => s.Phase == "Running", TimeSpan.FromSeconds(15));
        await _harness.SyncUntilAsync(stubborn, s => s.Phase == "Running", TimeSpan.FromSeconds(15));
        var running = await _harness.Runtime.ListPodsAsync(CancellationToken.None);

        var clock = Stopwatch.StartNew();
        await _harness.Runtime.StopPodAsync(running[polite.Metadata.Uid], polite, CancellationToken.None);
        var politeTook = clock.Elapsed;
        clock.Restart();
        await _harness.Runtime.StopPodAsync(running[stubborn.Metadata.Uid], stubborn, CancellationToken.None);
        var stubbornTook = clock.Elapsed;

        Assert.True(politeTook < TimeSpan.FromSeconds(5), $"SIGTERM should end it at once; took {politeTook}");
        Assert.InRange(stubbornTook, TimeSpan.FromSeconds(2.5), TimeSpan.FromSeconds(10));
        Assert.Empty(await _harness.Runtime.ListPodsAsync(CancellationToken.None));
    }

    [Fact]
    public async Task AFailingReadinessProbe_KeepsThePodOutOfReady()
    {
        var pod = _harness.Pod("unready", [new V1Container
        {
            Name = "app", Image = "paas/busybox:1", Command = ["httpd", "-f", "-p", "8080", "-h", "/"],
            ReadinessProbe = new V1Probe { HttpGet = new V1HTTPGetAction { Path = "/missing", Port = 8080 }, PeriodSeconds = 1 },
        }]);

        await _harness.SyncUntilAsync(pod, s => s.Phase == "Running", TimeSpan.FromSeconds(15));
        await Task.Delay(TimeSpan.FromSeconds(3));
        var status = (await _harness.SyncAsync(pod)).Status;

        Assert.Equal("Running", status.Phase);
        Assert.Equal(0, status.ContainerStatuses[0].RestartCount);
        Assert.NotNull(status.ContainerStatuses[0].State.Running);
        Assert.False(status.ContainerStatuses[0].Ready);
        Assert.Equal("False", status.Conditions.Single(c => c.Type == "Ready").Status);
        Assert.Equal("containers with unready status: [app]", status.Conditions.Single(c => c.Type == "Ready").Message);
    }

    [Fact]
    public async Task APassingReadinessProbe_MakesThePodReady_AndAFailedLivenessProbeRestartsTheContainer()
    {
        // The app answers for 4 s, then stops listening while its process lives on: only the probe can tell.
        var pod = _harness.Pod("flaky", [new V1Container
        {
            Name = "app", Image = "paas/busybox:1", Command = ["sh", "-c", "httpd -f -p 8080 -h / & sleep 4; kill $!; sleep 3600"],
            ReadinessProbe = new V1Probe { TcpSocket = new V1TCPSocketAction { Port = 8080 }, PeriodSeconds = 1 },
            LivenessProbe = new V1Probe { TcpSocket = new V1TCPSocketAction { Port = 8080 }, PeriodSeconds = 1, FailureThreshold = 2 },
        }]);
        pod.Spec.TerminationGracePeriodSeconds = 1;

        var seen = await _harness.SyncUntilAsync(pod, s => s.ContainerStatuses[0].RestartCount >= 1, TimeSpan.FromSeconds(30));

        Assert.Contains(seen, s => s.ContainerStatuses[0].Ready == true);
        Assert.Contains(seen, s => s.ContainerStatuses[0].Ready == false && s.ContainerStatuses[0].State.Running is not null);
        Assert.NotNull(seen[^1].ContainerStatuses[0].LastState.Terminated);
    }

    [Fact]
    public async Task Limits_AreAlwaysSet_FromTheSpecOrTheNodeDefaults()
    {
        var limited = new V1Container
        {
            Name = "limited", Image = "paas/busybox:1", Command = ["sleep", "3600"],
            Resources = new V1ResourceRequirements { Limits = new Dictionary<string, ResourceQuantity> { ["cpu"] = new("250m"), ["memory"] = new("64Mi") } },
        };
        var pod = _harness.Pod("limits", [limited, new V1Container { Name = "unlimited", Image = "paas/busybox:1", Command = ["sleep", "3600"] }]);

        await _harness.SyncUntilAsync(pod, s => s.Phase == "Running", TimeSpan.FromSeconds(15));

        Assert.Equal("250000000 67108864 1024", await HostConfigAsync(await _harness.ContainerIdAsync(pod, "limited")));
        Assert.Equal("1000000000 536870912 1024", await HostConfigAsync(await _harness.ContainerIdAsync(pod, "unlimited")));
    }

    [Fact]
    public async Task ImageGarbageCollection_RemovesUnusedImages_KeepsUsedAndPinnedOnes()
    {
        // An image of this test's own (unpinned), and a pod using paas/busybox.
        var tag = "paas/gc-test:" + Guid.NewGuid().ToString("N")[..8];
        var context = Directory.CreateTempSubdirectory("gc-test-").FullName;
        await File.WriteAllTextAsync(Path.Combine(context, "Dockerfile"), $"FROM paas/busybox:1\nLABEL paas.dev/pinned=false paas.dev/gc-test={tag}\n");
        var build = Process.Start("docker", ["build", "-q", "-t", tag, context]);
        await build.WaitForExitAsync();
        Assert.Equal(0, build.ExitCode);
        var pod = _harness.Pod("user", [new V1Container { Name = "app", Image = "paas/busybox:1", Command = ["sleep", "3600"] }]);
        await _harness.SyncUntilAsync(pod, s => s.Phase == "Running", TimeSpan.FromSeconds(15));

        // Thresholds at 0%: the disk always counts as too full, so everything collectable goes.
        _harness.Options.ImageGcHighPercent = 0;
        _harness.Options.ImageGcLowPercent = 0;
        var removed = await _harness.Runtime.CollectImagesAsync(CancellationToken.None);

        Assert.Contains(removed, r => r.Contains(tag, StringComparison.Ordinal));
        await Assert.ThrowsAsync<global::Docker.DotNet.DockerImageNotFoundException>(() => _harness.Docker.Images.InspectImageAsync(tag));
        await _harness.Docker.Images.InspectImageAsync("paas/busybox:1");
        await _harness.Docker.Images.InspectImageAsync("paas/pause:1");
        await _harness.Docker.Images.InspectImageAsync("paas/hello:2");
        Directory.Delete(context, recursive: true);
    }

    private async Task<string> HostConfigAsync(string containerId)
    {
        var inspected = await _harness.Docker.Containers.InspectContainerAsync(containerId);
        return $"{inspected.HostConfig.NanoCPUs} {inspected.HostConfig.Memory} {inspected.HostConfig.PidsLimit}";
    }

    private static async Task<string> Eventually(Func<Task<string>> call)
    {
        for (var attempt = 0; ; attempt++)
        {
            try
            {
                return await call();
            }
            catch (HttpRequestException) when (attempt < 50)
            {
                await Task.Delay(100);
            }
        }
    }
}
