package org.coophub.reporting.dashboard;

import java.io.IOException;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/**
 * Pushes a server-sent event to every open dashboard when a projection changes, so pages
 * refresh without reloading.
 */
@Component
class DashboardStream {

	private final List<SseEmitter> emitters = new CopyOnWriteArrayList<>();

	SseEmitter open() {
		SseEmitter emitter = new SseEmitter(0L);
		this.emitters.add(emitter);
		emitter.onCompletion(() -> this.emitters.remove(emitter));
		emitter.onTimeout(() -> this.emitters.remove(emitter));
		emitter.onError((ex) -> this.emitters.remove(emitter));
		try {
			// answers at once, so the client knows it is subscribed before the first
			// change
			emitter.send(SseEmitter.event().comment("subscribed"));
		}
		catch (IOException ex) {
			this.emitters.remove(emitter);
		}
		return emitter;
	}

	@EventListener
	void changed(DashboardChanged change) {
		for (SseEmitter emitter : this.emitters) {
			try {
				emitter.send(SseEmitter.event().name("dashboard-changed").data(change));
			}
			catch (IOException | IllegalStateException ex) {
				this.emitters.remove(emitter);
			}
		}
	}

}
