package it.ricolloca.accounts.internal;

import it.ricolloca.accounts.Role;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

public interface UserAccountRepository extends JpaRepository<UserAccount, Long> {

    Optional<UserAccount> findByUsername(String username);

    Optional<UserAccount> findByFiscalCode(String fiscalCode);

    /** Records the codice fiscale without touching the account's version (an edit form in flight stays valid). */
    @org.springframework.data.jpa.repository.Modifying(clearAutomatically = true, flushAutomatically = true)
    @Query("update UserAccount u set u.fiscalCode = :code where u.id = :id")
    int setFiscalCode(@Param("id") long id, @Param("code") String code);

    boolean existsByUsername(String username);

    /** Users visible in a scope: {@code centreId} null means the whole network. */
    @Query("""
            select u from UserAccount u
            where (:centreId is null or u.centreId = :centreId)
              and (:q = '' or lower(u.username) like concat('%', :q, '%') or lower(u.fullName) like concat('%', :q, '%')
                   or lower(u.email) like concat('%', :q, '%'))
            order by u.fullName""")
    Page<UserAccount> search(@Param("centreId") Long centreId, @Param("q") String query, Pageable pageable);

    @Query("select u from UserAccount u where u.centreId = :centreId order by u.fullName")
    List<UserAccount> findByCentreId(@Param("centreId") long centreId);

    @Query("select u from UserAccount u join u.roles r where u.centreId is null and r = :role and u.enabled = true order by u.fullName")
    List<UserAccount> findRegionalByRole(@Param("role") Role role);

    List<UserAccount> findByEmailIgnoreCase(String email);

    /** The enabled staff of these CPIs (of every CPI when {@code allCentres}) holding any of the roles: id, username, full name, e-mail, CPI. */
    @Query("""
            select distinct u.id, u.username, u.fullName, u.email, u.centreId from UserAccount u join u.roles r
            where u.enabled = true and u.centreId is not null and r in :roles
              and (:allCentres = true or u.centreId in :centreIds)""")
    List<Object[]> findStaffRows(@Param("roles") Collection<Role> roles, @Param("allCentres") boolean allCentres,
            @Param("centreIds") Collection<Long> centreIds);

    /** These users: id, username, full name, e-mail, CPI. */
    @Query("select u.id, u.username, u.fullName, u.email, u.centreId from UserAccount u where u.id in :ids")
    List<Object[]> findRows(@Param("ids") Collection<Long> ids);

    @Query("select u from UserAccount u join u.roles r where u.centreId = :centreId and r = :role and u.enabled = true order by u.fullName")
    List<UserAccount> findByCentreAndRole(@Param("centreId") long centreId, @Param("role") Role role);

    /** The enabled users of every CPI with their roles, in one query. */
    @Query("select distinct u from UserAccount u left join fetch u.roles where u.enabled = true and u.centreId is not null")
    List<UserAccount> findEnabledCentreStaffWithRoles();

    List<UserAccount> findByUsernameIgnoreCase(String username);
}
