package org.alliancesearch.demo;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/** nginx on 127.0.0.1 balancing round-robin over portal replicas, telling in a header which replica answered. */
public final class NginxBalancer implements AutoCloseable {
    private final ManagedProcess process;
    private final int port;

    private NginxBalancer(ManagedProcess process, int port) {
        this.process = process;
        this.port = port;
    }

    public static NginxBalancer start(Path workDir, int port, List<Integer> upstreamPorts)
            throws IOException, InterruptedException {
        Path nginx = Path.of(System.getenv().getOrDefault("NGINX", "/usr/sbin/nginx"));
        if (!Files.isExecutable(nginx)) {
            throw new LauncherException(
                    "nginx is missing (" + nginx + "): install it, e.g. apt-get install nginx-light");
        }
        Files.createDirectories(workDir.resolve("logs"));
        String servers = upstreamPorts.stream()
                .map(p -> "        server 127.0.0.1:" + p + ";")
                .collect(Collectors.joining("\n"));
        String conf = """
                worker_processes 1;
                daemon off;
                pid %1$s/nginx.pid;
                error_log %1$s/logs/error.log warn;
                events { worker_connections 256; }
                http {
                    access_log %1$s/logs/access.log;
                    client_body_temp_path %1$s/body;
                    proxy_temp_path %1$s/proxy;
                    fastcgi_temp_path %1$s/fastcgi;
                    uwsgi_temp_path %1$s/uwsgi;
                    scgi_temp_path %1$s/scgi;
                    upstream portal {
                %2$s
                    }
                    server {
                        listen 127.0.0.1:%3$d;
                        location / {
                            proxy_pass http://portal;
                            proxy_http_version 1.1;
                            proxy_set_header Host $http_host;
                            proxy_set_header X-Forwarded-For $proxy_add_x_forwarded_for;
                            proxy_set_header X-Forwarded-Proto $scheme;
                            # OIDC session cookies are large; live results stream.
                            proxy_buffer_size 32k;
                            proxy_buffers 8 32k;
                            proxy_buffering off;
                            add_header X-Served-By $upstream_addr always;
                        }
                    }
                }
                """.formatted(workDir.toAbsolutePath(), servers, port);
        Path confFile = workDir.resolve("nginx.conf");
        Files.writeString(confFile, conf);
        ManagedProcess p = ManagedProcess.start("nginx",
                List.of(nginx.toString(), "-p", workDir.toAbsolutePath().toString(), "-c", confFile.toString()),
                Map.of(), workDir, workDir.resolve("logs/nginx.out"));
        NginxBalancer balancer = new NginxBalancer(p, port);
        try {
            // a public file of the portal: the replicas' health is on their management ports, which nginx does not pass
            p.awaitHttpOk(URI.create(balancer.url() + "/css/portal.css"), Duration.ofSeconds(20));
        } catch (RuntimeException | InterruptedException e) {
            p.close();
            throw e;
        }
        return balancer;
    }

    public String url() {
        return "http://127.0.0.1:" + port;
    }

    @Override
    public void close() {
        process.close();
    }
}
