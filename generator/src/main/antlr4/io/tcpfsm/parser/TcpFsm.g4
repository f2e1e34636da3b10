/*
 * The tcpfsm DSL: a TCP connection state machine written the way the RFCs write it.
 * The parse tree never leaves io.tcpfsm.parser: ModelBuilder turns it into io.tcpfsm.model once.
 */
grammar TcpFsm;

spec
    : machineDecl? section* EOF
    ;

machineDecl
    : 'machine' name=ID STRING?
    ;

section
    : statesBlock
    | eventsBlock
    | timersBlock
    | guardsBlock
    | defaultsBlock
    | profileBlock
    | transition
    ;

// ---- declarations -------------------------------------------------------------------------

statesBlock
    : 'states' '{' stateDecl* '}'
    ;

stateDecl
    : name=ID stateAttr* STRING?
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
    : 'call' name=ID STRING?                  # callDecl
    | 'segment' 'flags' ID (',' ID)* STRING?  # segmentFlagsDecl
    ;

timersBlock
    : 'timers' '{' timerDecl* '}'
    ;

timerDecl
    : name=ID STRING?
    ;

guardsBlock
    : 'guards' '{' guardDecl* '}'
    ;

guardDecl
    : name=ID STRING
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
    : 'on' events guard? target? body
    ;

profileBlock
    : 'profile' name=ID STRING? '{' (transition | unreachableDecl)* '}'
    ;

// A state the profile knowingly never reaches, and why (RFC 793's text never enters LAST-ACK).
unreachableDecl
    : 'unreachable' ID (',' ID)* STRING
    ;

transition
    : 'in' states 'on' events guard? target? body
    ;

states
    : '*' ('except' ID (',' ID)*)?      # allStates
    | ID (',' ID)*                      # stateList
    ;

events
    : eventRef (',' eventRef)*
    ;

eventRef
    : 'segment' ('[' (flagTest (',' flagTest)*)? ']')?   # segmentPattern
    | ID ('+' ID)*                                        # namedEvent
    ;

flagTest
    : '!'? ID
    ;

guard
    : 'when' guardExpr
    ;

guardExpr
    : 'not' guardExpr                   # notGuard
    | guardExpr 'and' guardExpr         # andGuard
    | guardExpr 'or' guardExpr          # orGuard
    | '(' guardExpr ')'                 # parenGuard
    | ID                                # guardRef
    ;

target
    : '->' ID
    ;

body
    : '{' (action | citation | tag | note)* '}'
    ;

// ---- actions, in the order they run --------------------------------------------------------

action
    : 'send' segmentField+ ('with' 'text')?     # sendAction
    | 'timer' op=('start' | 'cancel' | 'restart') ID  # timerAction
    | 'signal' STRING                         # signalAction
    | 'drop'                                  # dropAction
    | 'delete' 'tcb'                          # deleteTcbAction
    | 'set' variable=(VAR | ID) '=' expr       # setAction
    | 'retransmit'                            # retransmitAction
    | 'deliver'                               # deliverAction
    | 'queue'                                 # queueAction
    ;

// <SEQ=SND.NXT>, <ACK=RCV.NXT>, <CTL=SYN,ACK>, as RFC 793 writes segments
segmentField
    : '<' field=ID '=' expr (',' expr)* '>'
    ;

expr
    : term (op=('+' | '-') term)*
    ;

term
    : VAR
    | ID
    | NUMBER
    ;

citation
    : 'cite' rfc=ID clause=NUMBER PAGE? STRING?
    ;

tag
    : 'tag' ID (',' ID)*
    ;

note
    : 'note' STRING
    ;

// ---- tokens -------------------------------------------------------------------------------

PAGE    : 'p.' [0-9]+ ;
VAR     : [A-Z]+ '.' [A-Z]+ ;
ID      : [A-Za-z_] [A-Za-z0-9_]* ('-' [A-Za-z0-9_]+)* ;
NUMBER  : [0-9]+ ('.' [0-9]+)* ;
STRING  : '"' (~["\\\r\n] | '\\' ["\\])* '"' ;
COMMENT : '#' ~[\r\n]* -> skip ;
WS      : [ \t\r\n\f]+ -> skip ;
ERROR_CHAR : . ;
