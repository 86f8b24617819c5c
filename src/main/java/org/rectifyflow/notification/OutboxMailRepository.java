package org.rectifyflow.notification;

import org.springframework.data.jpa.repository.JpaRepository;

interface OutboxMailRepository extends JpaRepository<OutboxMail, Long> {

}
