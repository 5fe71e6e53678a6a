package org.coophub.notification.directory;

import java.util.Optional;

import org.coophub.events.agreement.AgreementState;
import org.coophub.events.agreement.OrganizationState;
import org.coophub.platform.projection.VersionedUpserts;

import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Component;

/**
 * Who is party to what and how to reach them: the read models fed by agreement-events.
 */
@Component
public class Directory {

	private final MongoTemplate mongo;

	private final VersionedUpserts upserts;

	Directory(MongoTemplate mongo, VersionedUpserts upserts) {
		this.mongo = mongo;
		this.upserts = upserts;
	}

	public void apply(OrganizationState organization, long version) {
		this.upserts.upsertIfNewer(KnownOrganization.of(organization, version));
	}

	public void apply(AgreementState agreement, long version) {
		this.upserts.upsertIfNewer(KnownAgreement.of(agreement, version));
	}

	public Optional<KnownAgreement> agreement(String id) {
		return Optional.ofNullable(this.mongo.findById(id, KnownAgreement.class));
	}

	public Optional<KnownOrganization> organization(String id) {
		return Optional.ofNullable(this.mongo.findById(id, KnownOrganization.class));
	}

}
