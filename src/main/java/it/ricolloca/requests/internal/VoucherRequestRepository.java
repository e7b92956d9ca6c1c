package it.ricolloca.requests.internal;

import it.ricolloca.requests.VoucherRequest;
import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

public interface VoucherRequestRepository extends JpaRepository<VoucherRequest, Long> {

    @Query("select r from VoucherRequest r where r.workerId = :worker order by r.requestDate desc, r.id desc")
    List<VoucherRequest> findByWorker(@Param("worker") long workerId);
}
