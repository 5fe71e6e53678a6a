package org.coophub.localstack.mail;

import java.net.Socket;
import java.net.SocketException;
import java.util.Map;

import com.icegreen.greenmail.Managers;
import com.icegreen.greenmail.server.AbstractServer;
import com.icegreen.greenmail.smtp.SmtpServer;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;

/**
 * GreenMail whose SMTP server answers without Nagle's delay. GreenMail writes and flushes
 * every line of a reply on its own (the greeting, each line of the EHLO reply), so the
 * second line waits for the client's delayed ACK: about 40 ms per connection, which
 * capped the reminders benchmark at about 13 mails a second while both CPUs idled. Real
 * mail servers write a reply at once.
 */
final class NoDelayGreenMail extends GreenMail {

	NoDelayGreenMail(ServerSetup setup) {
		super(setup);
	}

	@Override
	protected Map<String, AbstractServer> createServices(ServerSetup[] config, Managers managers) {
		Map<String, AbstractServer> services = super.createServices(config, managers);
		services.replaceAll((protocol, server) -> (server instanceof SmtpServer)
				? new NoDelaySmtpServer(server.getServerSetup(), managers) : server);
		return services;
	}

	private static final class NoDelaySmtpServer extends SmtpServer {

		NoDelaySmtpServer(ServerSetup setup, Managers managers) {
			super(setup, managers);
		}

		@Override
		protected void handleClientSocket(Socket socket) throws SocketException {
			socket.setTcpNoDelay(true);
			super.handleClientSocket(socket);
		}

	}

}
