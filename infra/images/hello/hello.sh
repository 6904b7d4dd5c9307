#!/bin/sh
# One line per request: "Hello from <hostname>" (the pod's name under PaaS). busybox httpd runs
# /cgi-bin/index.cgi for "/" when there is no index.html.
mkdir -p /www/cgi-bin
cat > /www/cgi-bin/index.cgi <<'CGI'
#!/bin/sh
printf 'Content-Type: text/plain\r\n\r\n'
echo "Hello from $(hostname)"
CGI
chmod +x /www/cgi-bin/index.cgi
exec httpd -f -v -p 8080 -h /www
