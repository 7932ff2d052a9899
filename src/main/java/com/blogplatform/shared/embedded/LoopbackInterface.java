package com.blogplatform.shared.embedded;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationEnvironmentPreparedEvent;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.context.ApplicationListener;
import org.springframework.core.env.Environment;

/**
 * The embedded databases listen on the loopback interface. In a brand-new network namespace
 * ({@code unshare -n}, a minimal container) that interface exists but is down, and nothing on
 * 127.0.0.1 can be reached. In the embedded mode only, and unless
 * {@code platform.embedded.loopback.bring-up=false}, this brings it up before anything starts
 * (which works where the process may administer its own namespace, as root in it does), and says
 * so; otherwise the embedded databases fail with a message that names the fix.
 */
public class LoopbackInterface implements ApplicationListener<ApplicationEnvironmentPreparedEvent> {

	private static final Logger log = LoggerFactory.getLogger(LoopbackInterface.class);

	@Override
	public void onApplicationEvent(ApplicationEnvironmentPreparedEvent event) {
		Environment environment = event.getEnvironment();
		EmbeddedProperties embedded = Binder.get(environment).bindOrCreate("platform.embedded", EmbeddedProperties.class);
		if (!embedded.enabled() || !embedded.loopback().bringUp()) {
			return;
		}
		if (loopbackUsable()) {
			return;
		}
		if (bringUp() && loopbackUsable()) {
			log.info("The loopback interface was down (a new network namespace?): brought it up for the embedded databases");
		}
		else {
			log.warn("The loopback interface is down and could not be brought up; the embedded databases need it "
					+ "(run 'ip link set lo up' in this network namespace)");
		}
	}

	/** Whether 127.0.0.1 answers (with the loopback down, binding works but connecting does not). */
	private static boolean loopbackUsable() {
		try (ServerSocket listener = new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
				Socket client = new Socket()) {
			client.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), listener.getLocalPort()), 1_000);
			return true;
		}
		catch (IOException ex) {
			return false;
		}
	}

	private static boolean bringUp() {
		for (String ip : new String[] { "/usr/sbin/ip", "/sbin/ip", "/usr/bin/ip", "/bin/ip" }) {
			if (Files.isExecutable(Path.of(ip))) {
				try {
					Process process = new ProcessBuilder(ip, "link", "set", "lo", "up").redirectErrorStream(true)
						.redirectOutput(ProcessBuilder.Redirect.DISCARD)
						.start();
					return process.waitFor(5, TimeUnit.SECONDS) && process.exitValue() == 0;
				}
				catch (IOException ex) {
					return false;
				}
				catch (InterruptedException ex) {
					Thread.currentThread().interrupt();
					return false;
				}
			}
		}
		return false;
	}
}
