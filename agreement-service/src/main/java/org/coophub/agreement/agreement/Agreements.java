package org.coophub.agreement.agreement;

import org.springframework.data.mongodb.repository.MongoRepository;

public interface Agreements extends MongoRepository<Agreement, String> {

}
