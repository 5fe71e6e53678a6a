package org.coophub.agreement.organization;

import org.springframework.data.mongodb.repository.MongoRepository;

public interface Organizations extends MongoRepository<Organization, String> {

	boolean existsByCode(String code);

}
