/*
 * The tcpfsm DSL: a TCP connection state machine written the way the RFCs write it.
 * The parse tree never leaves io.tcpfsm.parser: ModelBuilder turns it into io.tcpfsm.model once.
 */
grammar TcpFsm;

spec
    : machineDecl? section* EOF
    ;

machineDecl
    : 'machine' name=ID description=STRING?
    ;

section
    : documentsBlock
    | statesBlock
    | eventsBlock
    | timersBlock
    | guardsBlock
    | defaultsBlock
    | profileBlock
    | transition
    ;

// ---- declarations -------------------------------------------------------------------------

// The documents the spec cites. An RFC whose text tcpfsm bundles is checked (section, page,
// quoted words); a named source (Linux's behaviour, a paper) is cited by name only.
documentsBlock
    : 'documents' '{' documentDecl* '}'
    ;

documentDecl
    : name=ID                               # rfcDocument
    | 'source' name=ID description=STRING   # sourceDocument
    ;

statesBlock
    : 'states' '{' stateDecl* '}'
    ;

stateDecl
    : name=ID stateAttr* description=STRING?
    ;

stateAttr
    : 'initial'                     # initialAttr
    | 'final'                       # finalAttr
    | 'alias' alias=ID              # aliasAttr
    ;

eventsBlock
    : 'events' '{' eventDecl* '}'
    ;

eventDecl
    : 'call' name=ID description=STRING?                           # callDecl
    | 'segment' 'flags' flags+=ID (',' flags+=ID)* description=STRING?   # segmentFlagsDecl
    ;

timersBlock
    : 'timers' '{' timerDecl* '}'
    ;

timerDecl
    : name=ID description=STRING?
    ;

guardsBlock
    : 'guards' '{' guardDecl* '}'
    ;

guardDecl
    : name=ID meaning=STRING
    ;

// ---- transitions --------------------------------------------------------------------------

defaultsBlock
    : 'defaults' '{' (targetDefault | defaultTransition)* '}'
    ;

// "if no state change is mentioned the TCP stays in the same state" (RFC 793 p.53)
targetDefault
    : 'target' 'stay' citation+
    ;

defaultTransition
    : 'on' events guard? target? ruleName? body
    ;

profileBlock
    : 'profile' name=ID description=STRING? '{' (transition | unreachableDecl)* '}'
    ;

// A state the profile knowingly never reaches, and why (RFC 793's text never enters LAST-ACK).
unreachableDecl
    : 'unreachable' names+=ID (',' names+=ID)* reason=STRING
    ;

transition
    : 'in' states 'on' events guard? target? ruleName? body
    ;

// A rule's stable name: what TcpRule calls it, what explain and the cell tables print.
ruleName
    : 'rule' name=ID
    ;

states
    : '*' ('except' names+=ID (',' names+=ID)*)?   # allStates
    | names+=ID (',' names+=ID)*                   # stateList
    ;

events
    : eventRef (',' eventRef)*
    ;

eventRef
    : 'segment' ('[' (flagTest (',' flagTest)*)? ']')?   # segmentPattern
    | parts+=ID ('+' parts+=ID)*                          # namedEvent
    ;

flagTest
    : negated='!'? flag=ID
    ;

guard
    : 'when' guardExpr
    ;

guardExpr
    : 'not' guardExpr                   # notGuard
    | guardExpr 'and' guardExpr         # andGuard
    | guardExpr 'or' guardExpr          # orGuard
    | '(' guardExpr ')'                 # parenGuard
    | name=ID                           # guardRef
    ;

target
    : '->' state=ID
    ;

body
    : '{' (action | citation | tag | note)* '}'
    ;

// ---- actions, in the order they run --------------------------------------------------------

action
    : 'send' segmentField+ withText?            # sendAction
    | 'timer' op=('start' | 'cancel' | 'restart') timer=ID  # timerAction
    | 'signal' text=STRING                    # signalAction
    | 'drop'                                  # dropAction
    | 'delete' 'tcb'                          # deleteTcbAction
    | 'set' variable=(VAR | ID) '=' value=expr # setAction
    | 'if' condition '{' action* '}'          # ifAction
    | 'retransmit'                            # retransmitAction
    | 'deliver'                               # deliverAction
    | 'queue'                                 # queueAction
    ;

withText
    : 'with' 'text'
    ;

// A test of sequence-space values, as the RFC writes its checks:
// SND.WL1 < SEG.SEQ or (SND.WL1 = SEG.SEQ and SND.WL2 =< SEG.ACK)
condition
    : 'not' condition                                     # notCondition
    | condition 'and' condition                           # andCondition
    | condition 'or' condition                            # orCondition
    | '(' condition ')'                                   # parenCondition
    | left=expr op=('<' | '=<' | '=' | '>' | '>=' | '!=') right=expr  # compareCondition
    ;

// <SEQ=SND.NXT>, <ACK=RCV.NXT>, <CTL=SYN,ACK>, as RFC 793 writes segments
segmentField
    : '<' field=ID '=' values+=expr (',' values+=expr)* '>'
    ;

expr
    : first=term (ops+=('+' | '-') rest+=term)*
    ;

term
    : VAR                                   # variableTerm
    | ID                                    # nameTerm
    | NUMBER                                # numberTerm
    ;

// cite RFC9293 3.10.7.4 "quoted words"; cite RFC793 3.9 p.72; cite linux "what it does"
citation
    : 'cite' document=ID clause=NUMBER? PAGE? quote=STRING?
    ;

tag
    : 'tag' names+=ID (',' names+=ID)*
    ;

note
    : 'note' text=STRING
    ;

// ---- tokens -------------------------------------------------------------------------------

PAGE    : 'p.' [0-9]+ ;
VAR     : [A-Z]+ '.' [A-Z] [A-Z0-9]* ;
ID      : [A-Za-z_] [A-Za-z0-9_]* ('-' [A-Za-z0-9_]+)* ;
NUMBER  : [0-9]+ ('.' [0-9]+)* ;
STRING  : '"' (~["\\\r\n] | '\\' ["\\])* '"' ;
COMMENT : '#' ~[\r\n]* -> skip ;
WS      : [ \t\r\n\f]+ -> skip ;
ERROR_CHAR : . ;
