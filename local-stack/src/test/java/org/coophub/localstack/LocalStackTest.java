package org.coophub.localstack;

import java.io.IOException;
import java.io.OutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import org.bson.Document;
import org.coophub.localstack.cli.ReadyBannerLines;
import org.coophub.localstack.demo.DemoData;
import org.coophub.localstack.process.ServiceProcess;
import org.coophub.localstack.process.StackService;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;
import static org.awaitility.Awaitility.await;

class LocalStackTest {

	@TempDir
	Path dataDirectory;

	@TempDir
	Path projectRoot;

	@Test
	void startsTheInfrastructureOnFreePortsAndStopsIt() throws Exception {
		LocalStack stack = LocalStack.options()
			.freePorts()
			.dataDirectory(this.dataDirectory)
			.inMemoryMongo()
			.infrastructureOnly()
			.start();
		try (stack; MongoClient mongo = MongoClients.create(stack.mongoUri())) {
			assertThat(stack.kafkaBootstrapServers()).startsWith("127.0.0.1:").doesNotEndWith(":9092");
			assertThat(stack.kafka().isRunning()).isTrue();
			assertThat(mongo.getDatabase("admin").runCommand(new Document("hello", 1)).getBoolean("isWritablePrimary"))
				.isTrue();
			assertThat(get(URI.create(stack.smtp().viewerUrl() + "api/messages")).body()).isEqualTo("[]");
			assertThat(stack.services()).isEmpty();
			assertThatIllegalStateException().isThrownBy(stack::accessToken).withMessageContaining("identity-service");
			assertThatIllegalStateException().isThrownBy(() -> stack.advanceClocks(Duration.ofDays(1)))
				.withMessageContaining("adjustableClocks()");
		}
		assertThat(stack.kafka().isRunning()).isFalse();
		assertThat(stack.mongo().isRunning()).isFalse();
	}

	@Test
	void namesTheServiceJarsThatAreMissing() {
		assertThatIllegalStateException()
			.isThrownBy(() -> LocalStack.options()
				.freePorts()
				.dataDirectory(this.dataDirectory)
				.projectRoot(this.projectRoot)
				.services(StackService.AGREEMENT)
				.start())
			.withMessageContaining(StackService.AGREEMENT.jar(this.projectRoot).toString())
			.withMessageContaining("./mvnw package");
	}

	@Test
	void clocksAreAdjustableOnlyWhenAskedFor() {
		assertThat(LocalStack.options().clocksAdjustable()).isFalse();
		assertThat(LocalStack.options().adjustableClocks().clocksAdjustable()).isTrue();
	}

	@Test
	void identityServiceComesWithAnyService() {
		assertThat(LocalStack.options().services(StackService.AGREEMENT).selectedServices())
			.containsExactly(StackService.IDENTITY, StackService.AGREEMENT);
		assertThat(LocalStack.options().infrastructureOnly().selectedServices()).isEmpty();
		assertThat(StackService.eventDriven()).hasSize(4).doesNotContain(StackService.IDENTITY, StackService.WORKSPACE);
		assertThat(LocalStack.options().services(StackService.WORKSPACE).selectedServices())
			.containsExactly(StackService.IDENTITY, StackService.WORKSPACE);
	}

	@Test
	void runsServiceProcessesLoadsTheDemoOnceAndLeavesNoProcessBehind() throws Exception {
		Path fakeJar = fakeServiceJar();
		for (StackService service : StackService.values()) {
			Files.createDirectories(service.jar(this.projectRoot).getParent());
			Files.copy(fakeJar, service.jar(this.projectRoot));
		}
		LocalStack stack = LocalStack.options()
			.freePorts()
			.dataDirectory(this.dataDirectory)
			.projectRoot(this.projectRoot)
			.inMemoryMongo()
			.jvmOptions("-Xmx32m")
			.adjustableClocks()
			.start();
		List<ProcessHandle> processes;
		try (stack) {
			assertThat(stack.demoData()).hasValueSatisfying((demo) -> {
				assertThat(demo.loaded()).isTrue();
				assertThat(demo.organizations()).isEqualTo(2);
				assertThat(demo.activities()).isEqualTo(18);
			});
			assertThat(stack.service(StackService.AGREEMENT).logFile()).content()
				.as("both parties accepted before the activation, which the fake refuses otherwise")
				.containsPattern("(?s)party accepted: .*party accepted: ");
			ServiceProcess agreements = stack.service(StackService.AGREEMENT);
			assertThat(get(stack.serviceUrl(StackService.AGREEMENT).resolve("/actuator/health")).statusCode())
				.isEqualTo(200);
			assertThat(get(stack.serviceUrl(StackService.IDENTITY).resolve("/actuator/health")).statusCode())
				.isEqualTo(200);
			assertThat(agreements.logFile()).content()
				.contains("--spring.kafka.bootstrap-servers=" + stack.kafkaBootstrapServers())
				.contains("--spring.mongodb.uri=" + stack.mongoUri())
				.contains("--spring.mail.port=" + stack.smtp().smtpPort())
				.contains("--coophub.security.issuer=" + stack.identityIssuer());
			int identityPort = stack.service(StackService.IDENTITY).port();
			int reportingPort = stack.service(StackService.REPORTING).port();
			int workspacePort = stack.service(StackService.WORKSPACE).port();
			assertThat(stack.identityIssuer()).hasToString("http://127.0.0.1:" + identityPort);
			assertThat(stack.workspaceUrl()).hasToString("http://127.0.0.1:" + workspacePort);
			assertThat(stack.service(StackService.IDENTITY).logFile()).content()
				.contains("--coophub.identity.issuer=http://127.0.0.1:" + identityPort)
				.contains("--coophub.identity.workspace-redirect-uris=http://127.0.0.1:" + workspacePort
						+ "/login/oauth2/code/identity,http://localhost:" + workspacePort
						+ "/login/oauth2/code/identity")
				.contains("--coophub.identity.workspace-secret=" + LocalStack.WORKSPACE_SECRET)
				.as("the workspace is the one client that signs people in")
				.doesNotContain("dashboard-redirect-uris");
			assertThat(stack.service(StackService.WORKSPACE).logFile()).content()
				.contains("--coophub.workspace.client-secret=" + LocalStack.WORKSPACE_SECRET)
				.contains("--coophub.security.issuer=" + stack.identityIssuer())
				.contains("--coophub.security.identity-url=" + stack.identityIssuer())
				.contains("--coophub.workspace.services.agreement=http://127.0.0.1:"
						+ stack.service(StackService.AGREEMENT).port())
				.contains("--coophub.workspace.services.activity=http://127.0.0.1:"
						+ stack.service(StackService.ACTIVITY).port())
				.contains("--coophub.workspace.services.reporting=http://127.0.0.1:" + reportingPort)
				.contains("--coophub.workspace.services.notification=http://127.0.0.1:"
						+ stack.service(StackService.NOTIFICATION).port())
				.as("the workspace keeps and sends nothing itself")
				.doesNotContain("--spring.mongodb.uri", "--spring.kafka.bootstrap-servers");
			assertThat(stack.service(StackService.REPORTING).logFile()).content()
				.contains("--coophub.operations.services.identity=http://127.0.0.1:" + identityPort)
				.as("the pipeline view lists the services with an outbox or a consumer, not the workspace")
				.doesNotContain("--coophub.operations.services.workspace");

			assertThat(stack.service(StackService.REPORTING).logFile()).content()
				.contains("--coophub.reports.link-key=" + LocalStack.REPORT_LINK_KEY);
			assertThat(stack.service(StackService.NOTIFICATION).logFile()).content()
				.contains("--coophub.reports.base-url=http://localhost:" + reportingPort);
			assertThat(stack.service(StackService.IDENTITY).logFile()).content()
				.as("identity-service keeps the machine's time")
				.doesNotContain("--coophub.clock.adjustable");
			stack.advanceClocks(Duration.ofDays(30));
			stack.setClocksTo(Instant.parse("2027-10-07T01:00:00Z"));
			for (StackService service : StackService.eventDriven()) {
				assertThat(stack.service(service).logFile()).content()
					.contains("--coophub.clock.adjustable=true")
					.contains("clock moved: {\"advanceBy\":\"PT720H\"}")
					.contains("clock moved: {\"to\":\"2027-10-07T01:00:00Z\"}");
			}
			assertThat(stack.clockOf(StackService.NOTIFICATION)).isEqualTo(Instant.parse("2027-10-07T01:00:00Z"));

			String token = stack.accessToken();
			assertThat(stack.accessToken()).as("kept until it is about to expire").isEqualTo(token);
			URI organizations = stack.serviceUrl(StackService.AGREEMENT).resolve("/api/v1/organizations");
			assertThat(get(organizations).statusCode()).isEqualTo(401);
			assertThat(get(organizations, "Authorization", "Bearer " + token).statusCode()).isEqualTo(200);

			List<String> banner = ReadyBannerLines.of(stack, Duration.ofSeconds(42));
			assertThat(banner.get(2)).as("where people start, first")
				.isEqualTo("Workspace: http://127.0.0.1:" + workspacePort + "/");
			assertThat(String.join("\n", banner)).contains("identity-service       " + stack.identityIssuer() + "/")
				.contains("admin, ld-editor, ld-viewer, hcm-editor, hcm-viewer; password " + LocalStack.DEMO_PASSWORD)
				.contains("curl -s -u coophub-scripts:" + LocalStack.SCRIPTS_SECRET)
				.contains(stack.identityIssuer() + "/oauth2/token");

			DemoData.Outcome again = new DemoData(stack.serviceUrl(StackService.AGREEMENT),
					stack.serviceUrl(StackService.ACTIVITY), stack::accessToken)
				.loadUnlessPresent();
			assertThat(again.loaded()).isFalse();

			processes = stack.services()
				.stream()
				.map((service) -> ProcessHandle.of(service.pid()).orElseThrow())
				.toList();
			assertThat(processes).hasSize(StackService.values().length).allMatch(ProcessHandle::isAlive);
		}
		await().atMost(Duration.ofSeconds(20)).until(() -> processes.stream().noneMatch(ProcessHandle::isAlive));
	}

	private Path fakeServiceJar() throws IOException {
		Manifest manifest = new Manifest();
		manifest.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
		manifest.getMainAttributes().put(Attributes.Name.MAIN_CLASS, FakeService.class.getName());
		Path jar = this.dataDirectory.resolve("fake-service.jar");
		String entry = FakeService.class.getName().replace('.', '/') + ".class";
		try (OutputStream file = Files.newOutputStream(jar);
				JarOutputStream out = new JarOutputStream(file, manifest)) {
			out.putNextEntry(new JarEntry(entry));
			out.write(FakeService.class.getClassLoader().getResourceAsStream(entry).readAllBytes());
			out.closeEntry();
		}
		return jar;
	}

	private static HttpResponse<String> get(URI uri, String... headers) throws Exception {
		HttpRequest.Builder request = HttpRequest.newBuilder(uri);
		if (headers.length > 0) {
			request.headers(headers);
		}
		return HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.ofString());
	}

}
