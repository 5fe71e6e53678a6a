package org.coophub.agreement.organization;

import java.util.Optional;

import org.springframework.data.mongodb.repository.MongoRepository;

public interface Organizations extends MongoRepository<Organization, String> {

	boolean existsByCode(String code);

	Optional<Organization> findByCode(String code);

}
