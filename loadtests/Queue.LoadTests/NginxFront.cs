using System.Diagnostics;
using System.Net.Sockets;

namespace Queue.LoadTests;

/// <summary>
/// nginx (the Debian package) in front of the nodes, as the multi-node deployment runs it: WebSocket
/// upgrade passed through, long read timeouts for hub connections, sticky by client address (ip_hash) so
/// a SignalR negotiate and its WebSocket reach the same node, and a failed node skipped. The config it
/// writes is the one docs/operations.md describes.
/// </summary>
public sealed class NginxFront : IAsyncDisposable
{
    private readonly Process process;
    private readonly string dir;

    private NginxFront(Process process, string dir, int port)
    {
        this.process = process;
        this.dir = dir;
        Port = port;
    }

    public int Port { get; }
    public Uri Address => new($"http://127.0.0.1:{Port}");

    public static string Config(string dir, int port, IEnumerable<int> nodePorts, bool asRoot) => $$"""
        {{(asRoot ? "user root;" : "")}}
        worker_processes 1;
        pid {{dir}}/nginx.pid;
        error_log {{dir}}/error.log warn;
        events { worker_connections 16384; }
        http {
          access_log off;
          client_body_temp_path {{dir}}/body;
          proxy_temp_path {{dir}}/proxy;
          fastcgi_temp_path {{dir}}/fastcgi;
          uwsgi_temp_path {{dir}}/uwsgi;
          scgi_temp_path {{dir}}/scgi;
          map $http_upgrade $connection_upgrade { default upgrade; '' close; }
          upstream queuehall {
            ip_hash;
        {{string.Join("\n", nodePorts.Select(p => $"    server 127.0.0.1:{p} max_fails=1 fail_timeout=10s;"))}}
          }
          server {
            listen 127.0.0.1:{{port}};
            client_max_body_size 256k;
            location / {
              proxy_pass http://queuehall;
              proxy_http_version 1.1;
              proxy_set_header Upgrade $http_upgrade;
              proxy_set_header Connection $connection_upgrade;
              proxy_set_header Host $host;
              proxy_set_header X-Forwarded-For $proxy_add_x_forwarded_for;
              proxy_set_header X-Forwarded-Proto $scheme;
              proxy_read_timeout 1h;
              proxy_send_timeout 1h;
              proxy_next_upstream error timeout http_502 http_503;
              add_header X-QueueHall-Node $upstream_addr always;
            }
          }
        }
        """;

    public static async Task<NginxFront> StartAsync(IEnumerable<int> nodePorts)
    {
        var dir = Directory.CreateTempSubdirectory("queuehall-nginx-").FullName;
        var port = ServerNode.FreePort();
        var conf = Path.Combine(dir, "nginx.conf");
        await File.WriteAllTextAsync(conf, Config(dir, port, nodePorts, Environment.UserName == "root"));
        var info = new ProcessStartInfo(File.Exists("/usr/sbin/nginx") ? "/usr/sbin/nginx" : "nginx")
        {
            UseShellExecute = false,
            RedirectStandardError = true,
            RedirectStandardOutput = true,
        };
        foreach (var a in new[] { "-p", dir, "-c", conf, "-e", Path.Combine(dir, "error.log"), "-g", "daemon off;" }) info.ArgumentList.Add(a);
        var p = Process.Start(info) ?? throw new InvalidOperationException("nginx did not start");
        var front = new NginxFront(p, dir, port);
        for (var i = 0; i < 100; i++)
        {
            if (p.HasExited) throw new InvalidOperationException("nginx exited: " + await p.StandardError.ReadToEndAsync() + File.ReadAllText(Path.Combine(dir, "error.log")));
            try
            {
                using var c = new TcpClient();
                await c.ConnectAsync("127.0.0.1", port);
                return front;
            }
            catch (SocketException) { await Task.Delay(50); }
        }
        throw new TimeoutException("nginx did not listen");
    }

    public ValueTask DisposeAsync()
    {
        if (!process.HasExited) process.Kill(entireProcessTree: true);
        process.WaitForExit(5000);
        process.Dispose();
        try { Directory.Delete(dir, recursive: true); } catch (IOException) { } catch (UnauthorizedAccessException) { }
        return ValueTask.CompletedTask;
    }
}
