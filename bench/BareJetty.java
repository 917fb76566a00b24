import java.io.IOException;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;

import javax.servlet.http.HttpServlet;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;

import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.servlet.ServletContextHandler;
import org.eclipse.jetty.servlet.ServletHolder;
import org.eclipse.jetty.util.thread.QueuedThreadPool;

/**
 * The physical reference for "an HTTP request on this machine": a bare Jetty 9.4 servlet (the Jetty the
 * distribution ships, from its system/ folder) answering a small JSON body, with Jetty's default thread
 * pool (200 threads at most, as the distribution's etc/jetty.xml leaves it). Run by bench/api-load.sh: java -cp JETTY_JARS BareJetty.java PORT.
 * Listens on 127.0.0.1 only; stops with its process.
 */
public class BareJetty {
    public static void main(String[] args) throws Exception {
        QueuedThreadPool pool = new QueuedThreadPool(200, 10);
        Server server = new Server(pool);
        ServerConnector http = new ServerConnector(server);
        http.setHost(InetAddress.getLoopbackAddress().getHostAddress());
        http.setPort(Integer.parseInt(args[0]));
        server.addConnector(http);
        ServletContextHandler context = new ServletContextHandler();
        context.addServlet(new ServletHolder(new HttpServlet() {
            private static final long serialVersionUID = 1L;
            private final byte[] body = "{\"status\":\"UP\"}".getBytes(StandardCharsets.UTF_8);

            @Override
            protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
                response.setContentType("application/json");
                response.setContentLength(body.length);
                response.getOutputStream().write(body);
            }
        }), "/*");
        server.setHandler(context);
        server.start();
        System.out.println("bare jetty on " + http.getHost() + ":" + http.getLocalPort());
        server.join();
    }
}
