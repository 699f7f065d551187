// Starts the servers the health goal checks, on loopback with free ports, and writes the endpoints
// files that point at them. They run in the Invoker's JVM until verify.groovy stops them.
import com.sun.net.httpserver.HttpHandler
import com.sun.net.httpserver.HttpServer
import io.grpc.health.v1.HealthCheckResponse.ServingStatus
import io.grpc.netty.shaded.io.grpc.netty.NettyServerBuilder
import io.grpc.protobuf.services.HealthStatusManager
import java.util.concurrent.Executors

def health = new HealthStatusManager()
health.setStatus('acme.user.v1.UserService', ServingStatus.SERVING)
health.setStatus('acme.order.v1.OrderService', ServingStatus.NOT_SERVING)
def grpc = NettyServerBuilder.forAddress(new InetSocketAddress('127.0.0.1', 0))
        .addService(health.getHealthService()).build().start()
def bare = NettyServerBuilder.forAddress(new InetSocketAddress('127.0.0.1', 0)).build().start()

def answer = { int code, String body ->
    { exchange ->
        byte[] bytes = body.getBytes('UTF-8')
        exchange.sendResponseHeaders(code, bytes.length == 0 ? -1 : bytes.length)
        if (bytes.length > 0) {
            exchange.responseBody.withCloseable { it.write(bytes) }
        }
        exchange.close()
    } as HttpHandler
}
def http = HttpServer.create(new InetSocketAddress('127.0.0.1', 0), 0)
http.executor = Executors.newFixedThreadPool(4)
http.createContext('/', answer(404, ''))
http.createContext('/actuator/health', answer(200, '{"status":"UP"}'))
http.createContext('/ready', answer(200, 'ready'))
http.createContext('/slow/health', { exchange ->
    Thread.sleep(3000)
    answer(200, 'late').handle(exchange)
} as HttpHandler)
http.start()

int closed = new ServerSocket(0, 1, InetAddress.getLoopbackAddress()).withCloseable { it.localPort }
int h = http.address.port
File dir = new File(basedir, 'src/main/switchboard')
new File(dir, 'endpoints-up.properties').text = """\
user=grpc://127.0.0.1:${grpc.port}
billing=http://127.0.0.1:${h}
inventory=http://127.0.0.1:${h}
"""
new File(dir, 'endpoints-down.properties').text = """\
user=grpc://127.0.0.1:${bare.port}
order=grpc://127.0.0.1:${grpc.port}
billing=http://127.0.0.1:${h}/slow
inventory=http://127.0.0.1:${closed}
"""
System.properties.put('health-http-and-grpc.servers', [grpc, bare, http])
return true
