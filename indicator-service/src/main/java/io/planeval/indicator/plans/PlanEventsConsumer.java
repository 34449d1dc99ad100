package io.planeval.indicator.plans;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.jboss.logging.Logger;

import io.planeval.contracts.PlanChanged;
import io.planeval.contracts.Topics;
import io.planeval.support.consume.Consumption;
import io.planeval.support.consume.EventJson;
import io.smallrye.common.annotation.Blocking;

/**
 * Keeps {@link KnownPlan} in step with {@value Topics#PLANS}, so indicators and measurements are checked
 * against plans even while plan-service is down. Newer versions win; older or repeated ones change nothing.
 */
@ApplicationScoped
public class PlanEventsConsumer {

    private static final Logger LOG = Logger.getLogger(PlanEventsConsumer.class);

    @Inject
    EventJson json;

    @Inject
    Consumption consumption;

    @Incoming("plans")
    @Blocking
    public void apply(ConsumerRecord<String, String> record) {
        consumption.apply(record, () -> upsert(json.read(record.value(), PlanChanged.class)));
    }

    private boolean upsert(PlanChanged event) {
        KnownPlan plan = KnownPlan.findById(event.planCode());
        if (plan != null && plan.version >= event.version()) {
            return false;
        }
        boolean known = plan != null;
        if (!known) {
            plan = new KnownPlan();
            plan.code = event.planCode();
        }
        plan.version = event.version();
        plan.firstFiscalYear = event.plan().firstFiscalYear();
        plan.lastFiscalYear = event.plan().lastFiscalYear();
        plan.nodeCodes = event.plan().nodes().stream().map(PlanChanged.Node::code).toList();
        plan.review = event.plan().review();
        if (!known) {
            plan.persist();
        }
        LOG.debugf("Plan %s now at version %d", plan.code, plan.version);
        return true;
    }
}
