package io.weir.planner.physical;

import org.apache.calcite.plan.Convention;
import org.apache.calcite.rel.RelDistribution;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rel.convert.ConverterRule;
import org.apache.calcite.rel.logical.LogicalExchange;

/** {@code LogicalExchange} by hash -> {@link ExchangePhysicalRel}. */
public final class ExchangePhysicalRule extends ConverterRule {

    public static final ExchangePhysicalRule INSTANCE = new ExchangePhysicalRule(Config.INSTANCE
            .withConversion(LogicalExchange.class,
                    (LogicalExchange e) -> e.getDistribution().getType() == RelDistribution.Type.HASH_DISTRIBUTED,
                    Convention.NONE, WeirConvention.INSTANCE, "ExchangePhysicalRule")
            .withRuleFactory(ExchangePhysicalRule::new));

    private ExchangePhysicalRule(Config config) {
        super(config);
    }

    @Override
    public RelNode convert(RelNode rel) {
        LogicalExchange exchange = (LogicalExchange) rel;
        return new ExchangePhysicalRel(exchange.getCluster(), exchange.getTraitSet().replace(WeirConvention.INSTANCE),
                JoinSupport.physicalInput(exchange.getInput()), exchange.getDistribution());
    }
}
