package org.coophub.activity.activity;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.mongodb.repository.MongoRepository;

public interface Activities extends MongoRepository<Activity, String> {

	Page<Activity> findByAgreementId(String agreementId, Pageable pageable);

}
