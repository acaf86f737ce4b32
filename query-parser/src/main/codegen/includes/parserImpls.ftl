<#--
  Weir's productions, included into Calcite's Parser.jj template.

  Statement productions listed in config.fmpp under statementParserMethods are
  tried by SqlStmt() with LOOKAHEAD(2), before Calcite's own statements. Where
  a Weir statement shares its first two tokens with a Calcite one (SET x = 1,
  EXPLAIN PLAN WITH TYPE FOR, DESCRIBE SCHEMA s), a semantic lookahead makes
  the Weir production decline (see StatementLookahead), so Calcite's statement
  still parses. JavaCC evaluates semantic lookahead nested inside a syntactic
  lookahead, with getToken() relative to the scan position.

  Making RESET non-reserved costs a JavaCC warning (SqlSetOption against a
  query starting with the word "reset"); no query starts with it.
-->

boolean IfNotExistsOpt() :
{
}
{
    LOOKAHEAD(2) <IF> <NOT> <EXISTS> { return true; }
|
    { return false; }
}

boolean IfExistsOpt() :
{
}
{
    LOOKAHEAD(2) <IF> <EXISTS> { return true; }
|
    { return false; }
}

/** A plain single-quoted string, such as 'kafka' or 'it''s'. */
SqlCharStringLiteral QuotedStringLiteral() :
{
}
{
    <QUOTED_STRING> {
        return SqlLiteral.createCharString(
            SqlParserUtil.parseString(token.image), getPos());
    }
}

/** SHOW TABLES | SHOW VIEWS */
SqlNode SqlShowStatement() :
{
    final Span s;
}
{
    <SHOW> { s = span(); }
    (
        <TABLES> { return new SqlShowTables(s.end(this)); }
    |
        <VIEWS> { return new SqlShowViews(s.end(this)); }
    )
}

<#--
  Weir's SqlDescribeTable is written with its package: Parser.jj imports
  Calcite's class of the same simple name. Calcite's DESCRIBE table column form
  is not supported any more; DESCRIBE SCHEMA and DESCRIBE STATEMENT still are.
-->
/** { DESCRIBE | DESC } [ TABLE ] name */
SqlNode SqlDescribeStatement() :
{
    final Span s;
    final SqlIdentifier name;
}
{
    ( <DESCRIBE> | <DESC> ) { s = span(); }
    (
        LOOKAHEAD({ StatementLookahead.describesTable(getToken(1), getToken(2)) })
        [ <TABLE> ]
        name = CompoundIdentifier() {
            return new io.weir.parser.ddl.SqlDescribeTable(s.end(this), name);
        }
    |
        UnusedExtension() { return null; }
    )
}

/** EXPLAIN [ PLAN FOR ] { query | INSERT } */
SqlNode SqlExplainStatement() :
{
    final Span s;
    final SqlNode statement;
}
{
    <EXPLAIN> { s = span(); }
    (
        LOOKAHEAD({ StatementLookahead.explainsWithoutOptions(getToken(1), getToken(2)) })
        [ LOOKAHEAD(2) <PLAN> <FOR> ]
        (
            statement = SqlInsert()
        |
            statement = OrderedQueryOrExpr(ExprContext.ACCEPT_QUERY)
        )
        {
            return new SqlExplainStatement(s.end(this), statement);
        }
    |
        UnusedExtension() { return null; }
    )
}

/** SET [ 'key' = 'value' ] */
SqlNode SqlSetPropertyStatement() :
{
    final Span s;
    SqlCharStringLiteral key = null;
    SqlCharStringLiteral value = null;
}
{
    <SET> { s = span(); }
    (
        key = QuotedStringLiteral() <EQ> value = QuotedStringLiteral()
    |
        LOOKAHEAD({ StatementLookahead.endsStatement(getToken(1)) }) { }
    )
    {
        return new SqlSetProperty(s.end(this), key, value);
    }
}

/** RESET [ 'key' ] */
SqlNode SqlResetPropertyStatement() :
{
    final Span s;
    SqlCharStringLiteral key = null;
}
{
    <RESET> { s = span(); }
    (
        key = QuotedStringLiteral()
    |
        LOOKAHEAD({ StatementLookahead.endsStatement(getToken(1)) }) { }
    )
    {
        return new SqlResetProperty(s.end(this), key);
    }
}

/** Flink's type names: STRING, BYTES, TIMESTAMP_LTZ [ (precision) ]. */
SqlTypeNameSpec FlinkTypeName() :
{
    final Span s;
    final int precision;
}
{
    <STRING> {
        return new SqlAlienSystemTypeNameSpec("STRING", SqlTypeName.VARCHAR, getPos());
    }
|
    <BYTES> {
        return new SqlAlienSystemTypeNameSpec("BYTES", SqlTypeName.VARBINARY, getPos());
    }
|
    <TIMESTAMP_LTZ> { s = span(); }
    precision = PrecisionOpt() {
        return new SqlBasicTypeNameSpec(SqlTypeName.TIMESTAMP_WITH_LOCAL_TIME_ZONE,
            precision, s.end(this));
    }
}

/**
 * CREATE TABLE [ IF NOT EXISTS ] name ( element [, element ]* )
 * [ COMMENT 'text' ] [ WITH ( 'key' = 'value' [, 'key' = 'value' ]* ) ]
 */
SqlCreate SqlCreateTable(Span s, boolean replace) :
{
    final boolean ifNotExists;
    final SqlIdentifier name;
    final CreateTableElements elements = new CreateTableElements();
    Span body;
    final SqlNodeList columns;
    SqlCharStringLiteral comment = null;
    SqlNodeList tableOptions = SqlNodeList.EMPTY;
}
{
    <TABLE> {
        if (replace) {
            throw SqlUtil.newContextException(s.end(this),
                WeirParserResource.INSTANCE.createOrReplaceTableUnsupported());
        }
    }
    ifNotExists = IfNotExistsOpt()
    name = CompoundIdentifier()
    <LPAREN> { body = span(); }
    TableElement(elements)
    ( <COMMA> TableElement(elements) )*
    <RPAREN> { columns = elements.columns(body.end(this)); }
    [ <COMMENT> comment = QuotedStringLiteral() ]
    [ <WITH> tableOptions = TableOptionList() ]
    {
        return new SqlCreateTable(s.end(this), ifNotExists, name,
            columns, elements.watermark(), elements.primaryKey(),
            tableOptions, comment);
    }
}

/** A column, a WATERMARK FOR clause or a PRIMARY KEY constraint. */
void TableElement(CreateTableElements elements) :
{
    final Span s;
    final SqlIdentifier column;
    final SqlNode expression;
    final SqlNodeList keyColumns;
}
{
    LOOKAHEAD(2)
    <WATERMARK> { s = span(); }
    <FOR> column = SimpleIdentifier()
    <AS> expression = Expression(ExprContext.ACCEPT_NON_QUERY) {
        elements.setWatermark(new SqlWatermark(s.end(this), column, expression));
    }
|
    <PRIMARY> { s = span(); } <KEY>
    keyColumns = ParenthesizedSimpleIdentifierList()
    <NOT> <ENFORCED> {
        elements.setPrimaryKey(keyColumns, s.end(this));
    }
|
    TableColumn(elements)
}

/**
 * name type [ NOT NULL | NULL ] [ PRIMARY KEY NOT ENFORCED ] [ COMMENT 'text' ]
 * | name AS expression [ COMMENT 'text' ]
 */
void TableColumn(CreateTableElements elements) :
{
    final SqlIdentifier name;
    final SqlDataTypeSpec type;
    final SqlNode expression;
    boolean notNull = false;
    Span primaryKey = null;
    SqlCharStringLiteral comment = null;
}
{
    name = SimpleIdentifier()
    (
        <AS> expression = Expression(ExprContext.ACCEPT_NON_QUERY)
        [ <COMMENT> comment = QuotedStringLiteral() ]
        {
            elements.addColumn(new SqlComputedColumn(
                Span.of(name).end(this), name, expression, comment));
        }
    |
        type = DataType()
        [
            <NOT> <NULL> { notNull = true; }
        |
            <NULL>
        ]
        [
            <PRIMARY> { primaryKey = span(); } <KEY> <NOT> <ENFORCED>
        ]
        [ <COMMENT> comment = QuotedStringLiteral() ]
        {
            elements.addColumn(new SqlRegularColumn(
                Span.of(name).end(this), name, type, notNull, comment));
            if (primaryKey != null) {
                elements.setPrimaryKey(
                    new SqlNodeList(Collections.singletonList(name), name.getParserPosition()),
                    primaryKey.end(this));
            }
        }
    )
}

/** ( 'key' = 'value' [, 'key' = 'value' ]* ), each key at most once. */
SqlNodeList TableOptionList() :
{
    final Span s;
    final List<SqlNode> list = new ArrayList<SqlNode>();
    final Set<String> keys = new HashSet<String>();
}
{
    <LPAREN> { s = span(); }
    [
        TableOption(list, keys)
        ( <COMMA> TableOption(list, keys) )*
    ]
    <RPAREN> {
        return new SqlNodeList(list, s.end(this));
    }
}

void TableOption(List<SqlNode> list, Set<String> keys) :
{
    final SqlCharStringLiteral key;
    final SqlCharStringLiteral value;
}
{
    key = QuotedStringLiteral() <EQ> value = QuotedStringLiteral() {
        final SqlTableOption option =
            new SqlTableOption(Span.of(key, value).pos(), key, value);
        if (!keys.add(option.key())) {
            throw SqlUtil.newContextException(key.getParserPosition(),
                WeirParserResource.INSTANCE.duplicateOptionKey(option.key()));
        }
        list.add(option);
    }
}

/** CREATE [ OR REPLACE ] VIEW [ IF NOT EXISTS ] name [ ( column [, column ]* ) ] AS query */
SqlCreate SqlCreateView(Span s, boolean replace) :
{
    final boolean ifNotExists;
    final SqlIdentifier name;
    SqlNodeList columnList = null;
    final SqlNode query;
}
{
    <VIEW>
    ifNotExists = IfNotExistsOpt()
    name = CompoundIdentifier()
    [ columnList = ParenthesizedSimpleIdentifierList() ]
    <AS> query = OrderedQueryOrExpr(ExprContext.ACCEPT_QUERY) {
        return new SqlCreateView(s.end(this), replace, ifNotExists, name,
            columnList, query);
    }
}

/** DROP TABLE [ IF EXISTS ] name */
SqlDrop SqlDropTable(Span s, boolean replace) :
{
    final boolean ifExists;
    final SqlIdentifier name;
}
{
    <TABLE> ifExists = IfExistsOpt() name = CompoundIdentifier() {
        return new SqlDropTable(s.end(this), ifExists, name);
    }
}

/** DROP VIEW [ IF EXISTS ] name */
SqlDrop SqlDropView(Span s, boolean replace) :
{
    final boolean ifExists;
    final SqlIdentifier name;
}
{
    <VIEW> ifExists = IfExistsOpt() name = CompoundIdentifier() {
        return new SqlDropView(s.end(this), ifExists, name);
    }
}
