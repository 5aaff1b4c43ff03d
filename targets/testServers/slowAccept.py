# Test server: listens on 127.0.0.1:PORT with a backlog of BACKLOG and accepts one connection
# every DELAY seconds, so the kernel's accept queue fills. Answers each accepted connection once.
# Usage: python3 slowAccept.py PORT BACKLOG DELAY
import socket
import sys
import time

port, backlog, delay = int(sys.argv[1]), int(sys.argv[2]), float(sys.argv[3])
server = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
server.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
server.bind(("127.0.0.1", port))
server.listen(backlog)
print(f"listening on {port}", flush=True)
while True:
    time.sleep(delay)
    connection, _ = server.accept()
    try:
        connection.recv(65536)
        connection.sendall(b"HTTP/1.1 200 OK\r\nContent-Length: 3\r\nConnection: close\r\n\r\nok\n")
    finally:
        connection.close()
