package it.ricolloca.requests.internal;

import it.ricolloca.requests.VoucherRequest;
import jakarta.persistence.LockModeType;
import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Lock;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

interface VoucherRequestRepository extends JpaRepository<VoucherRequest, Long> {

    /** The request to change: its version goes up at commit whatever changes, so a concurrent decision loses. */
    @Lock(LockModeType.OPTIMISTIC_FORCE_INCREMENT)
    @Query("select r from VoucherRequest r where r.id = :id")
    Optional<VoucherRequest> findForUpdate(@Param("id") long id);

    @Query("select r from VoucherRequest r where r.workerId = :worker order by r.requestDate desc, r.id desc")
    List<VoucherRequest> findByWorker(@Param("worker") long workerId);
}
