#!/bin/sh
# One line per request: "Hello from <hostname> (v<version>)" — the pod's name under PaaS, and the
# image's version (paas/hello:1 or :2, for rollouts). busybox httpd runs /cgi-bin/index.cgi for "/"
# when there is no index.html; -v logs each request to stderr (so `kubectl logs` shows them).
mkdir -p /www/cgi-bin
cat > /www/cgi-bin/index.cgi <<CGI
#!/bin/sh
printf 'Content-Type: text/plain\r\n\r\n'
echo "Hello from \$(hostname) (v${HELLO_VERSION:-1})"
CGI
chmod +x /www/cgi-bin/index.cgi
echo "hello v${HELLO_VERSION:-1} listening on :8080"
exec httpd -f -v -p 8080 -h /www
